-- The platform is answered once per request, however often the backup's end is redelivered.
ALTER TABLE platform_requests ADD COLUMN replied_at timestamptz;
