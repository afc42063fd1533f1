-- The retention service's own copy of projects, environments, backups and restores, built only from events.
-- Columns a late or missing event cannot fill are nullable; evaluation skips what it cannot decide on.
CREATE TABLE projects (
    project    text PRIMARY KEY,
    plan       text,
    timezone   text,
    schedule   text,
    deleted_at timestamptz,
    updated_at timestamptz NOT NULL
);

CREATE TABLE environments (
    project    text        NOT NULL,
    name       text        NOT NULL,
    type       text,
    status     text,
    deleted_at timestamptz,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (project, name)
);

-- status: REQUESTED, COMPLETED, FAILED or DELETED. Retention counts a backup from requested_at, else
-- completed_at. assessed_*: the last BackupRetentionAssessed published. deletion_*: set once, when anyone
-- (retention, a user) requested the deletion; retention publishes its own request only if it set them.
CREATE TABLE backups (
    backup_id             text PRIMARY KEY,
    project               text        NOT NULL,
    environment           text        NOT NULL,
    status                text        NOT NULL,
    automated             boolean     NOT NULL DEFAULT false,
    trigger               text,
    requested_at          timestamptz,
    completed_at          timestamptz,
    assessed_kept         boolean,
    assessed_expires_at   timestamptz,
    assessed_reasons      text,
    deletion_reason       text,
    deletion_requested_at timestamptz
);
CREATE INDEX backups_by_environment ON backups (project, environment);

-- Restores, to know which backups are being read. last_event_at: when this service last heard of it.
CREATE TABLE restores (
    restore_id    text PRIMARY KEY,
    backup_id     text        NOT NULL,
    status        text        NOT NULL,
    last_event_at timestamptz NOT NULL
);
CREATE INDEX restores_running ON restores (backup_id) WHERE status = 'RUNNING';

-- Deletions requested while a restore read the backup; carried out once the restore ended.
CREATE TABLE deferred_deletions (
    backup_id    text PRIMARY KEY,
    project      text        NOT NULL,
    environment  text        NOT NULL,
    reason       text        NOT NULL,
    requested_at timestamptz NOT NULL
);
