-- What notification-service learns from the events it reads: how to reach a buyer, and who holds tickets to what.
CREATE TABLE buyer_contact (
    buyer_id   uuid        PRIMARY KEY,
    email      text        NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE known_event (
    event_id        uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    title           text,
    cancelled       boolean     NOT NULL DEFAULT false,
    updated_at      timestamptz NOT NULL
);

-- One row per confirmed order: its buyer holds tickets to the event until the order is cancelled.
CREATE TABLE ticket_holder (
    order_id   uuid        PRIMARY KEY,
    event_id   uuid        NOT NULL,
    buyer_id   uuid        NOT NULL,
    tickets    integer     NOT NULL CONSTRAINT ticket_holder_tickets_positive CHECK (tickets > 0),
    active     boolean     NOT NULL DEFAULT true,
    updated_at timestamptz NOT NULL
);
CREATE INDEX ticket_holder_by_event ON ticket_holder (event_id, buyer_id) WHERE active;

CREATE TABLE buyer_preference (
    buyer_id        uuid        PRIMARY KEY,
    locale          text        NOT NULL,
    sms_opt_in      boolean     NOT NULL,
    whatsapp_opt_in boolean     NOT NULL,
    phone           text,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT buyer_preference_phone_for_opt_in CHECK (phone IS NOT NULL OR NOT (sms_opt_in OR whatsapp_opt_in))
);

CREATE TABLE announcement (
    id              uuid        PRIMARY KEY,
    event_id        uuid        NOT NULL,
    organization_id uuid        NOT NULL,
    subject         text        NOT NULL,
    body            text        NOT NULL,
    created_by      uuid        NOT NULL,
    recipients      integer     NOT NULL,
    created_at      timestamptz NOT NULL
);

-- The delivery log: one row per message to send. The unique constraint is the exactly-once fence: a redelivered
-- event (or a replayed announcement) inserts nothing, so nothing is sent twice.
CREATE TABLE delivery (
    id              uuid        PRIMARY KEY,
    source_id       uuid        NOT NULL,
    channel         text        NOT NULL CONSTRAINT delivery_channel_known CHECK (channel IN ('EMAIL', 'SMS', 'WHATSAPP')),
    buyer_id        uuid        NOT NULL,
    kind            text        NOT NULL,
    lane            text        NOT NULL CONSTRAINT delivery_lane_known CHECK (lane IN ('TRANSACTIONAL', 'BULK')),
    recipient       text,
    locale          text        NOT NULL,
    payload         text        NOT NULL,
    status          text        NOT NULL CONSTRAINT delivery_status_known CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_until     timestamptz,
    last_error      text,
    provider_id     text,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT delivery_once_per_source_channel_buyer UNIQUE (source_id, channel, buyer_id)
);
CREATE INDEX delivery_due ON delivery (lane, next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX delivery_by_status ON delivery (status, created_at DESC);
