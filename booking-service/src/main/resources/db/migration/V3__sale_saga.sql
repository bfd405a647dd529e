-- The sale saga (docs/sale-saga.md): who to tell, what was paid and refunded, the refund policy, and tickets.

-- The buyer's email, from their access token, so the events that tell them something can carry it.
ALTER TABLE hold ADD COLUMN buyer_email text NOT NULL DEFAULT '';
ALTER TABLE purchase_order ADD COLUMN buyer_email text NOT NULL DEFAULT '';

-- FAILED: payment declined. REFUNDED / PARTIALLY_REFUNDED: payment-service reported money returned.
ALTER TABLE purchase_order DROP CONSTRAINT order_status_known;
ALTER TABLE purchase_order ADD CONSTRAINT order_status_known CHECK (status IN
    ('PENDING_PAYMENT', 'CONFIRMED', 'EXPIRED', 'CANCELLED', 'REFUND_REQUESTED', 'FAILED', 'REFUNDED',
     'PARTIALLY_REFUNDED'));
ALTER TABLE purchase_order ADD COLUMN cancel_reason text;
-- The payment that paid the order: a second successful payment for the same order is refunded, not kept.
ALTER TABLE purchase_order ADD COLUMN payment_id uuid;
ALTER TABLE purchase_order ADD COLUMN paid_minor bigint NOT NULL DEFAULT 0
    CONSTRAINT order_paid_not_negative CHECK (paid_minor >= 0);
ALTER TABLE purchase_order ADD COLUMN refunded_minor bigint NOT NULL DEFAULT 0
    CONSTRAINT order_refunded_not_negative CHECK (refunded_minor >= 0);

-- Each refund counted once, even if payment-service announces it twice under different event ids.
CREATE TABLE order_refund (
    refund_id    uuid PRIMARY KEY,
    order_id     uuid        NOT NULL CONSTRAINT order_refund_of_order REFERENCES purchase_order (id),
    amount_minor bigint      NOT NULL CONSTRAINT order_refund_amount_positive CHECK (amount_minor > 0),
    refunded_at  timestamptz NOT NULL
);

-- Refund policy: a buyer may cancel a paid order until this many hours before the event starts.
ALTER TABLE event ADD COLUMN refund_cutoff_hours integer NOT NULL DEFAULT 48
    CONSTRAINT event_refund_cutoff_not_negative CHECK (refund_cutoff_hours >= 0);

-- One ticket per seat or general-admission place of a confirmed order. (order_id, position) is unique, so an order
-- can never be issued two sets of tickets.
CREATE TABLE ticket (
    id            uuid PRIMARY KEY,
    order_id      uuid        NOT NULL CONSTRAINT ticket_of_order REFERENCES purchase_order (id),
    event_id      uuid        NOT NULL CONSTRAINT ticket_for_event REFERENCES event (id),
    buyer_id      uuid        NOT NULL,
    position      integer     NOT NULL,
    section_id    uuid        NOT NULL,
    section_name  text        NOT NULL,
    seat_id       uuid,
    row_label     text,
    seat_number   text,
    tier_name     text        NOT NULL,
    price_minor   bigint      NOT NULL,
    currency      char(3)     NOT NULL,
    code          text        NOT NULL CONSTRAINT unique_ticket_code UNIQUE,
    qr_payload    text        NOT NULL,
    status        text        NOT NULL CONSTRAINT ticket_status_known CHECK (status IN ('VALID', 'VOID')),
    issued_at     timestamptz NOT NULL,
    voided_at     timestamptz,
    checked_in_at timestamptz,
    CONSTRAINT one_ticket_per_order_position UNIQUE (order_id, position)
);
CREATE INDEX ticket_by_buyer ON ticket (buyer_id, issued_at DESC);

-- The QR signing key of the local run when BOXOFFICE_TICKET_SIGNING_KEY is not set, shared by every replica.
CREATE TABLE ticket_signing_key (
    id         integer PRIMARY KEY CONSTRAINT only_one_signing_key CHECK (id = 1),
    secret     bytea       NOT NULL,
    created_at timestamptz NOT NULL
);
