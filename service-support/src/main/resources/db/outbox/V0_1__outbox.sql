-- Events waiting to be published. Written in the same transaction as the change they describe;
-- the relay publishes them in order and deletes them once Kafka acknowledged them.
CREATE TABLE outbox (
    id         bigserial PRIMARY KEY,
    topic      text        NOT NULL,
    event_key  text        NOT NULL,
    event_type text        NOT NULL,
    payload    bytea       NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
