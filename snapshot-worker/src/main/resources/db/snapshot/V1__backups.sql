-- The coordinator's view of running backups. Owned by the snapshot worker; no other service reads it.
CREATE TABLE backups (
    id           text PRIMARY KEY,
    project      text        NOT NULL,
    environment  text        NOT NULL,
    safe         boolean     NOT NULL,
    automated    boolean     NOT NULL,
    trigger      text        NOT NULL,
    commit_sha   text,
    status       text        NOT NULL,
    error        text,
    created_at   timestamptz NOT NULL,
    deadline     timestamptz NOT NULL,
    completed_at timestamptz
);
CREATE INDEX backups_running ON backups (deadline) WHERE status = 'RUNNING';

CREATE TABLE backup_parts (
    backup_id     text   NOT NULL REFERENCES backups (id) ON DELETE CASCADE,
    name          text   NOT NULL,
    type          text   NOT NULL,
    status        text   NOT NULL,
    bytes         bigint NOT NULL DEFAULT 0,
    stored_bytes  bigint NOT NULL DEFAULT 0,
    point_in_time timestamptz,
    error         text,
    PRIMARY KEY (backup_id, name)
);
