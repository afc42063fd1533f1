-- Deletions carried out, so that a repeated request is answered without touching storage again.
CREATE TABLE deletions (
    backup_id    text PRIMARY KEY,
    project      text        NOT NULL,
    environment  text        NOT NULL,
    reason       text        NOT NULL,
    deleted_at   timestamptz NOT NULL
);

-- The last garbage collection of each project, for operators.
CREATE TABLE reclaim_runs (
    project        text PRIMARY KEY,
    ran_at         timestamptz NOT NULL,
    condemned      integer     NOT NULL,
    deleted_packs  integer     NOT NULL,
    deleted_bytes  bigint      NOT NULL,
    postponed      integer     NOT NULL
);
