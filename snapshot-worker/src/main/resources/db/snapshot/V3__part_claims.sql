-- A part task runs once: its first delivery claims the part; a redelivery (a rebalance, a restart) is refused
-- and counted, so that no part manifest is ever written after its backup ended.
ALTER TABLE backup_parts
    ADD COLUMN claimed_at     timestamptz,
    ADD COLUMN refused_claims integer NOT NULL DEFAULT 0;
