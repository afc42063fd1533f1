-- The gateway owns projects, environments and the backup and restore catalog (built from events).
CREATE TABLE projects (
    id          text PRIMARY KEY,
    title       text        NOT NULL,
    tier        text        NOT NULL,
    plan        text        NOT NULL,
    timezone    text        NOT NULL,
    schedule    text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE environments (
    project_id  text        NOT NULL REFERENCES projects (id),
    name        text        NOT NULL,
    type        text        NOT NULL,
    status      text        NOT NULL,
    commit_sha  text,
    parts       text        NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (project_id, name)
);

CREATE TABLE backups (
    id            text PRIMARY KEY,
    project_id    text        NOT NULL,
    environment   text        NOT NULL,
    status        text        NOT NULL,
    safe          boolean     NOT NULL,
    automated     boolean     NOT NULL,
    trigger       text        NOT NULL,
    commit_id     text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    completed_at  timestamptz,
    expires_at    timestamptz,
    restorable    boolean     NOT NULL DEFAULT false,
    size_bytes    bigint      NOT NULL DEFAULT 0,
    stored_bytes  bigint      NOT NULL DEFAULT 0,
    hold_millis   bigint,
    skew_millis   bigint,
    parts         text        NOT NULL,
    error         text
);
CREATE INDEX backups_by_environment ON backups (project_id, environment, created_at DESC);

CREATE TABLE restores (
    id            text PRIMARY KEY,
    project_id    text        NOT NULL,
    backup_id     text        NOT NULL,
    source_env    text        NOT NULL,
    environment   text        NOT NULL,
    status        text        NOT NULL,
    restore_code  boolean     NOT NULL,
    commit_id     text,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    completed_at  timestamptz,
    parts         text,
    error         text,
    target_state  text
);
