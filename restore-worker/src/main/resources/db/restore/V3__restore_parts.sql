-- A switch-over's progress, part by part, so that a later run can finish it or switch it back after a crash.
-- request: the RestoreRequested as it arrived (its secrets stay sealed), to rebuild each part's target.
ALTER TABLE restores ADD COLUMN request text;
-- One row per part to switch, written when the switch-over starts (STAGED); a part is SWITCHING from just
-- before its switch-over begins and SWITCHED once it ended, with what it restored.
CREATE TABLE restore_parts (
    restore_id text    NOT NULL REFERENCES restores (id),
    position   int     NOT NULL,
    part       text    NOT NULL,
    type       text    NOT NULL,
    state      text    NOT NULL,
    bytes      bigint,
    objects    text,
    PRIMARY KEY (restore_id, part)
);
