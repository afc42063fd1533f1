-- A backup waiting in its environment's queue (backup.queued) is QUEUED until it is requested or fails: the
-- gateway reports one or the other for every queued backup, so a queued tombstone holds its project's backups
-- however long it waits.
COMMENT ON COLUMN backups.status IS 'QUEUED, REQUESTED, COMPLETED, FAILED or DELETED';
