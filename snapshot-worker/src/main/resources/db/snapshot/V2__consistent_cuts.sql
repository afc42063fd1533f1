-- Consistent cuts: a running backup goes through PREPARING and CUTTING (writes held) before STREAMING.
ALTER TABLE backups
    ADD COLUMN phase           text NOT NULL DEFAULT 'STREAMING',
    ADD COLUMN phase_deadline  timestamptz,
    ADD COLUMN hold_hook       text,
    ADD COLUMN release_hook    text,
    ADD COLUMN hold_started_at timestamptz,
    ADD COLUMN hold_millis     bigint;
-- Workers report progress; a part that stops reporting fails its backup.
ALTER TABLE backup_parts
    ADD COLUMN last_seen  timestamptz,
    ADD COLUMN bytes_read bigint NOT NULL DEFAULT 0;
