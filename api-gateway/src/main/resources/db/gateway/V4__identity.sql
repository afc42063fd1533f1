-- Users, their roles in projects, their API tokens (stored hashed), and the audit trail of every change.
CREATE TABLE users (
    id            text PRIMARY KEY,
    name          text        NOT NULL UNIQUE,
    platform_role text,
    created_at    timestamptz NOT NULL
);

CREATE TABLE memberships (
    user_id    text NOT NULL REFERENCES users (id),
    project_id text NOT NULL REFERENCES projects (id),
    role       text NOT NULL,
    PRIMARY KEY (user_id, project_id)
);

CREATE TABLE tokens (
    id           text PRIMARY KEY,
    user_id      text        NOT NULL REFERENCES users (id),
    name         text        NOT NULL,
    project_id   text,
    token_hash   text        NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE TABLE audit (
    id      bigserial PRIMARY KEY,
    at      timestamptz NOT NULL,
    actor   text        NOT NULL,
    action  text        NOT NULL,
    target  text        NOT NULL,
    detail  text
);
CREATE INDEX audit_by_target ON audit (target, at DESC);
