-- The sales read model: one row per fact the booking and payment events announced, keyed by the producer's id so
-- that applying an event twice cannot create a second row. Every figure the API reports is aggregated from these
-- at query time, which keeps the model independent of the order in which the two streams are consumed (a payment
-- may be read before the order it pays for) and makes a rebuild a plain replay.

CREATE TABLE sale_event (
    event_id         uuid        NOT NULL,
    organization_id  uuid        NOT NULL,
    title            text,
    -- Seats/tickets on sale, when an event carried it (eventCapacity); sell-through is unknown without it.
    capacity         integer,
    cancelled_at     timestamptz,
    CONSTRAINT sale_event_pk PRIMARY KEY (event_id),
    CONSTRAINT sale_event_capacity_positive CHECK (capacity IS NULL OR capacity > 0)
);
CREATE INDEX sale_event_organization_idx ON sale_event (organization_id);

CREATE TABLE hold_fact (
    hold_id         uuid        NOT NULL,
    event_id        uuid        NOT NULL,
    quantity        integer     NOT NULL,
    placed_at       timestamptz NOT NULL,
    released_at     timestamptz,
    release_reason  text,
    CONSTRAINT hold_fact_pk PRIMARY KEY (hold_id),
    CONSTRAINT hold_fact_release_reason CHECK (release_reason IN ('BUYER', 'EXPIRED', 'ORGANIZER'))
);
CREATE INDEX hold_fact_event_idx ON hold_fact (event_id, placed_at);

CREATE TABLE order_fact (
    order_id       uuid        NOT NULL,
    event_id       uuid        NOT NULL,
    hold_id        uuid,
    quantity       integer     NOT NULL,
    total_minor    bigint      NOT NULL,
    currency       char(3)     NOT NULL,
    -- Null only when the stream no longer held the OrderPlaced of a confirmed order (trimmed history).
    placed_at      timestamptz,
    confirmed_at   timestamptz,
    expired_at     timestamptz,
    cancelled_at   timestamptz,
    cancel_reason  text,
    CONSTRAINT order_fact_pk PRIMARY KEY (order_id)
);
CREATE INDEX order_fact_event_idx ON order_fact (event_id);

CREATE TABLE ticket_fact (
    ticket_id     uuid        NOT NULL,
    order_id      uuid        NOT NULL,
    event_id      uuid        NOT NULL,
    section_id    uuid        NOT NULL,
    section_name  text        NOT NULL,
    tier_name     text        NOT NULL,
    price_minor   bigint      NOT NULL,
    currency      char(3)     NOT NULL,
    sold_at       timestamptz NOT NULL,
    CONSTRAINT ticket_fact_pk PRIMARY KEY (ticket_id)
);
CREATE INDEX ticket_fact_event_idx ON ticket_fact (event_id, sold_at);
CREATE INDEX ticket_fact_order_idx ON ticket_fact (order_id);

CREATE TABLE payment_fact (
    payment_id      uuid        NOT NULL,
    order_id        uuid        NOT NULL,
    outcome         text        NOT NULL,
    amount_minor    bigint,
    currency        char(3),
    occurred_at     timestamptz NOT NULL,
    failure_reason  text,
    CONSTRAINT payment_fact_pk PRIMARY KEY (payment_id),
    CONSTRAINT payment_fact_outcome CHECK (outcome IN ('SUCCEEDED', 'FAILED')),
    CONSTRAINT payment_fact_succeeded_has_amount CHECK (outcome = 'FAILED' OR (amount_minor IS NOT NULL AND currency IS NOT NULL))
);
CREATE INDEX payment_fact_order_idx ON payment_fact (order_id);

CREATE TABLE refund_fact (
    refund_id     uuid        NOT NULL,
    payment_id    uuid        NOT NULL,
    order_id      uuid        NOT NULL,
    amount_minor  bigint      NOT NULL,
    currency      char(3)     NOT NULL,
    refunded_at   timestamptz NOT NULL,
    reason        text,
    CONSTRAINT refund_fact_pk PRIMARY KEY (refund_id)
);
CREATE INDEX refund_fact_order_idx ON refund_fact (order_id);
