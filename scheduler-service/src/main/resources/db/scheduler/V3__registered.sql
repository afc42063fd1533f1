-- When the scheduler first heard of an environment: slots that came due before it do not fire.
ALTER TABLE environments ADD COLUMN registered_at timestamptz NOT NULL DEFAULT '-infinity';
