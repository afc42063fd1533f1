-- Restores this worker runs. Owned by the restore worker; no other service reads it.
CREATE TABLE restores (
    id           text PRIMARY KEY,
    backup_id    text        NOT NULL,
    project      text        NOT NULL,
    environment  text        NOT NULL,
    status       text        NOT NULL,
    error        text,
    created_at   timestamptz NOT NULL,
    deadline     timestamptz NOT NULL,
    completed_at timestamptz
);
CREATE INDEX restores_running ON restores (deadline) WHERE status = 'RUNNING';
