-- The scheduler's own copy of projects and environments, built from lifeboat.environments.v1.
CREATE TABLE projects (
    project    text PRIMARY KEY,
    tier       text        NOT NULL,
    plan       text        NOT NULL,
    timezone   text        NOT NULL,
    schedule   text        NOT NULL,
    deleted    boolean     NOT NULL DEFAULT false,
    updated_at timestamptz NOT NULL
);

CREATE TABLE environments (
    project     text        NOT NULL,
    name        text        NOT NULL,
    type        text        NOT NULL,
    status      text        NOT NULL,
    commit_sha  text,
    parts       text        NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (project, name)
);
