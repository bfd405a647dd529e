-- Platform tables every service has in its own schema, versioned by platform-support in platform_schema_history
-- (apart from the service's own flyway_schema_history, so the two never have to agree on version numbers).

-- Events written in the same transaction as the state change they announce; the relay publishes them to Redis.
CREATE TABLE outbox_event (
    id            uuid        NOT NULL,
    stream        text        NOT NULL,
    type          text        NOT NULL,
    version       integer     NOT NULL,
    event_key     text        NOT NULL,
    payload       jsonb       NOT NULL,
    trace_parent  text,
    occurred_at   timestamptz NOT NULL,
    published_at  timestamptz,
    CONSTRAINT outbox_event_pk PRIMARY KEY (id)
);
-- The relay only ever looks for what is still unpublished, oldest first.
CREATE INDEX outbox_event_unpublished_idx ON outbox_event (occurred_at) WHERE published_at IS NULL;

-- Events this service has processed, so that a redelivered event has no second effect.
CREATE TABLE inbox_event (
    event_id      uuid        NOT NULL,
    stream        text        NOT NULL,
    type          text        NOT NULL,
    processed_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT inbox_event_pk PRIMARY KEY (event_id)
);
