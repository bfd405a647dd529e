-- Idempotency-Key records: the first response to a POST carrying the header, replayed for retries with the same key.
-- IF NOT EXISTS: a service that created this table in its own migrations before the filter moved to platform-support
-- (booking-service V2) keeps its table; the definition is identical.
CREATE TABLE IF NOT EXISTS idempotency_record (
    scope           text        NOT NULL,
    idempotency_key text        NOT NULL,
    request_hash    text        NOT NULL,
    state           text        NOT NULL CONSTRAINT idempotency_state_known CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    response_status integer,
    response_type   text,
    response_body   bytea,
    location        text,
    created_at      timestamptz NOT NULL,
    CONSTRAINT idempotency_record_pk PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX IF NOT EXISTS idempotency_record_by_age ON idempotency_record (created_at);
