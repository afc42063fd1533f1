-- The last verification of each backup, as retention reported it.
ALTER TABLE backups
    ADD COLUMN verification_status text,
    ADD COLUMN verification_sample double precision,
    ADD COLUMN verification_requested_at timestamptz,
    ADD COLUMN verified_at timestamptz,
    ADD COLUMN verification_chunks bigint,
    ADD COLUMN verification_bytes bigint,
    ADD COLUMN verification_errors text;
