-- About 1% of the rows change, scattered: events and metrics are updated, attachments only grow.
UPDATE events SET payload = payload || ' edited' WHERE id % 100 = 7;
UPDATE metrics SET value = value + 1 WHERE id % 100 = 13;
INSERT INTO attachments SELECT g, 'file-' || g || '.bin', gen_random_bytes(1024) FROM generate_series(250001, 252500) g;
