-- Every schedule slot decided, fired or skipped: the primary key makes each slot fire exactly once, whatever
-- the number of scheduler instances.
CREATE TABLE slots (
    slot_key    text PRIMARY KEY,
    project     text        NOT NULL,
    environment text        NOT NULL,
    nominal_at  timestamptz NOT NULL,
    status      text        NOT NULL,
    reason      text,
    backup_id   text,
    decided_at  timestamptz NOT NULL
);
CREATE INDEX slots_by_environment ON slots (project, environment, nominal_at DESC);
