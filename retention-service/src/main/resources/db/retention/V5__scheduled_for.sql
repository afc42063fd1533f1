-- The slot an automated backup was scheduled for (backup.requested's scheduled_for): retention places the
-- backup by it, so a slot caught up after midnight counts for its own day. Null for other backups, and for
-- requests from before the field existed.
ALTER TABLE backups ADD COLUMN scheduled_for timestamptz;
