-- About 1 GiB of pg_dump output: compressible text, random bytes (hex in the dump), and numbers.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE TABLE events (id bigint PRIMARY KEY, kind text, actor text, payload text, created_at timestamptz);
INSERT INTO events
SELECT g, (ARRAY['login','logout','purchase','refund','view','search','share','comment','like','error'])[1 + g % 10],
       'user-' || (g::bigint * 7919 % 50000),
       'session ' || md5(g::text) || ' path /shop/item/' || (g % 9973) || ' agent Mozilla/5.0 (X11; Linux x86_64) '
           || repeat(chr(97 + g % 26), 10 + g % 40),
       timestamptz '2026-01-01' + (g || ' seconds')::interval
FROM generate_series(1, 4400000) g;
CREATE TABLE attachments (id bigint PRIMARY KEY, name text, data bytea);
INSERT INTO attachments SELECT g, 'file-' || g || '.bin', gen_random_bytes(1024) FROM generate_series(1, 250000) g;
CREATE TABLE metrics (id bigint PRIMARY KEY, host int, ts timestamptz, value double precision, tags text);
INSERT INTO metrics
SELECT g, g % 500, timestamptz '2026-01-01' + (g || ' seconds')::interval, sin(g) * 1000, 'dc=eu-' || (g % 3) || ',rack=' || (g % 40)
FROM generate_series(1, 5000000) g;
CREATE INDEX events_actor ON events (actor);
ANALYZE;
