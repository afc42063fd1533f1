-- A run claims its restore with a lease (owner, lease_until) and renews it while it runs. The switch-over
-- starts only through one conditional UPDATE that sets switch_started_at (RestoreLedger.startSwitch).
ALTER TABLE restores
    ADD COLUMN owner             text,
    ADD COLUMN lease_until       timestamptz,
    ADD COLUMN switch_started_at timestamptz;
