-- Backups and restores of one environment run one at a time, in request order; the queue is kept here.
CREATE TABLE operations (
    seq         bigserial PRIMARY KEY,
    id          text        NOT NULL UNIQUE,
    project_id  text        NOT NULL,
    environment text        NOT NULL,
    kind        text        NOT NULL,
    backup_id   text        NOT NULL,
    state       text        NOT NULL,
    topic       text        NOT NULL,
    payload     bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX operations_open ON operations (project_id, environment, seq) WHERE state <> 'ended';

-- Responses to POSTs that carried an Idempotency-Key, replayed when the same request comes again.
CREATE TABLE idempotency_keys (
    scope        text        NOT NULL,
    key          text        NOT NULL,
    fingerprint  text        NOT NULL,
    state        text        NOT NULL,
    status       integer,
    content_type text,
    location     text,
    body         bytea,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (scope, key)
);

-- Backups the platform asked for before a merge or a resize, so that it gets an answer.
CREATE TABLE platform_requests (
    request_id  text PRIMARY KEY,
    trigger     text        NOT NULL,
    project_id  text        NOT NULL,
    environment text        NOT NULL,
    backup_id   text UNIQUE,
    created_at  timestamptz NOT NULL
);

-- Why retention keeps each backup, as the retention service last assessed it; when the backup started.
ALTER TABLE backups ADD COLUMN retention text, ADD COLUMN started_at timestamptz;

-- A deleted project keeps its row, so that its id, and the names of its tombstone backups, never pass to
-- another tenant.
ALTER TABLE projects ADD COLUMN deleted_at timestamptz;
