-- What each part of a completed restore brought back, one row per part, with its object counts by kind
-- ({"tables": 12, "views": 3, ...}) as the restore worker counted them after the switch-over. The parts of
-- restores completed before come over from restores.parts, with no counts ({}).
-- A restore asked to replace missing definers says so.
CREATE TABLE restore_parts (
    restore_id text   NOT NULL REFERENCES restores (id),
    position   int    NOT NULL,
    name       text   NOT NULL,
    type       text   NOT NULL,
    status     text   NOT NULL,
    bytes      bigint NOT NULL,
    objects    jsonb  NOT NULL DEFAULT '{}',
    PRIMARY KEY (restore_id, name)
);

INSERT INTO restore_parts (restore_id, position, name, type, status, bytes)
SELECT r.id, p.position, p.part ->> 'name', p.part ->> 'type', p.part ->> 'status', (p.part ->> 'bytes')::bigint
FROM restores r, jsonb_array_elements(r.parts::jsonb) WITH ORDINALITY AS p (part, position)
WHERE r.parts IS NOT NULL;

ALTER TABLE restores DROP COLUMN parts;
ALTER TABLE restores ADD COLUMN replace_missing_definers boolean NOT NULL DEFAULT false;
