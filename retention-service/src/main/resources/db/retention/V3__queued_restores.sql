-- A restore waiting in its environment's queue (QUEUED) holds its backup until it is requested or fails:
-- the gateway reports one or the other for every queued restore, so a queued hold never times out.
DROP INDEX restores_running;
CREATE INDEX restores_holding ON restores (backup_id) WHERE status IN ('QUEUED', 'RUNNING');
