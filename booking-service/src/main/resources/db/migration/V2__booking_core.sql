-- Venues and their seat maps. A venue belongs to one organization; its sections are either SEATED (numbered seats
-- in rows) or GENERAL_ADMISSION (a capacity, no seats).
CREATE TABLE venue (
    id              uuid PRIMARY KEY,
    organization_id uuid        NOT NULL,
    name            text        NOT NULL,
    city            text        NOT NULL,
    address         text        NOT NULL,
    timezone        text        NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX venue_by_organization ON venue (organization_id);

CREATE TABLE section (
    id       uuid PRIMARY KEY,
    venue_id uuid    NOT NULL CONSTRAINT section_of_venue REFERENCES venue (id),
    code     text    NOT NULL,
    name     text    NOT NULL,
    kind     text    NOT NULL CONSTRAINT section_kind_known CHECK (kind IN ('SEATED', 'GENERAL_ADMISSION')),
    capacity integer NOT NULL CONSTRAINT section_capacity_not_negative CHECK (capacity >= 0),
    position integer NOT NULL,
    CONSTRAINT unique_section_code_per_venue UNIQUE (venue_id, code)
);

CREATE TABLE seat (
    id              uuid PRIMARY KEY,
    section_id      uuid    NOT NULL CONSTRAINT seat_of_section REFERENCES section (id),
    row_label       text    NOT NULL,
    row_position    integer NOT NULL,
    number          integer NOT NULL CONSTRAINT seat_number_positive CHECK (number > 0),
    accessible      boolean NOT NULL DEFAULT false,
    restricted_view boolean NOT NULL DEFAULT false,
    CONSTRAINT unique_seat_per_section UNIQUE (section_id, row_label, number)
);

-- Events on a venue. Money is integer minor units plus an ISO-4217 currency.
CREATE TABLE event (
    id                  uuid PRIMARY KEY,
    organization_id     uuid        NOT NULL,
    venue_id            uuid        NOT NULL CONSTRAINT event_at_venue REFERENCES venue (id),
    title               text        NOT NULL,
    description         text        NOT NULL,
    starts_at           timestamptz NOT NULL,
    ends_at             timestamptz NOT NULL,
    timezone            text        NOT NULL,
    on_sale_at          timestamptz NOT NULL,
    off_sale_at         timestamptz NOT NULL,
    currency            char(3)     NOT NULL,
    max_per_order       integer     NOT NULL CONSTRAINT event_max_per_order_positive CHECK (max_per_order > 0),
    max_per_buyer       integer     NOT NULL CONSTRAINT event_max_per_buyer_positive CHECK (max_per_buyer > 0),
    hold_seconds        integer     NOT NULL CONSTRAINT event_hold_seconds_positive CHECK (hold_seconds > 0),
    status              text        NOT NULL CONSTRAINT event_status_known
        CHECK (status IN ('DRAFT', 'PUBLISHED', 'SALES_PAUSED', 'COMPLETED', 'CANCELLED')),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    CONSTRAINT event_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT event_sale_window_ordered CHECK (off_sale_at > on_sale_at)
);
CREATE INDEX event_by_organization ON event (organization_id, starts_at);
CREATE INDEX event_published_by_start ON event (starts_at) WHERE status IN ('PUBLISHED', 'SALES_PAUSED');

CREATE TABLE price_tier (
    id           uuid PRIMARY KEY,
    event_id     uuid    NOT NULL CONSTRAINT price_tier_of_event REFERENCES event (id),
    section_id   uuid    NOT NULL CONSTRAINT price_tier_for_section REFERENCES section (id),
    name         text    NOT NULL,
    amount_minor bigint  NOT NULL CONSTRAINT price_tier_amount_not_negative CHECK (amount_minor >= 0),
    currency     char(3) NOT NULL,
    CONSTRAINT unique_price_tier_per_section UNIQUE (event_id, section_id)
);

-- The per-event inventory, materialized when an event is published (its seat map is frozen from then on).
-- The primary key makes the hold fence one indexed statement:
--   UPDATE event_seat SET status = 'HELD', hold_id = ? WHERE event_id = ? AND seat_id = ANY(?) AND status = 'AVAILABLE'
CREATE TABLE event_seat (
    event_id   uuid NOT NULL CONSTRAINT event_seat_of_event REFERENCES event (id),
    seat_id    uuid NOT NULL CONSTRAINT event_seat_is_seat REFERENCES seat (id),
    section_id uuid NOT NULL,
    status     text NOT NULL CONSTRAINT event_seat_status_known CHECK (status IN ('AVAILABLE', 'HELD', 'SOLD')),
    hold_id    uuid,
    CONSTRAINT event_seat_pk PRIMARY KEY (event_id, seat_id),
    CONSTRAINT held_seat_names_its_hold CHECK ((status = 'AVAILABLE') = (hold_id IS NULL))
);
CREATE INDEX event_seat_by_section ON event_seat (event_id, section_id, status);
CREATE INDEX event_seat_by_hold ON event_seat (hold_id) WHERE hold_id IS NOT NULL;

-- General-admission inventory: one counter row per event and area. The CHECK is the last line of the fence.
CREATE TABLE event_area (
    event_id   uuid    NOT NULL CONSTRAINT event_area_of_event REFERENCES event (id),
    section_id uuid    NOT NULL CONSTRAINT event_area_is_section REFERENCES section (id),
    capacity   integer NOT NULL,
    held       integer NOT NULL DEFAULT 0,
    sold       integer NOT NULL DEFAULT 0,
    version    bigint  NOT NULL DEFAULT 0,
    CONSTRAINT event_area_pk PRIMARY KEY (event_id, section_id),
    CONSTRAINT event_area_within_capacity CHECK (held >= 0 AND sold >= 0 AND held + sold <= capacity)
);

CREATE TABLE hold (
    id          uuid PRIMARY KEY,
    event_id    uuid        NOT NULL CONSTRAINT hold_for_event REFERENCES event (id),
    buyer_id    uuid        NOT NULL,
    status      text        NOT NULL CONSTRAINT hold_status_known
        CHECK (status IN ('ACTIVE', 'RELEASED', 'EXPIRED', 'CHECKED_OUT')),
    quantity    integer     NOT NULL CONSTRAINT hold_quantity_positive CHECK (quantity > 0),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    ended_at    timestamptz
);
CREATE INDEX hold_active_by_expiry ON hold (expires_at) WHERE status = 'ACTIVE';
CREATE INDEX hold_by_buyer ON hold (buyer_id, created_at DESC);

-- What a hold contains: one row per seat, or one row per general-admission area with a quantity.
CREATE TABLE hold_item (
    hold_id    uuid    NOT NULL CONSTRAINT hold_item_of_hold REFERENCES hold (id),
    position   integer NOT NULL,
    section_id uuid    NOT NULL,
    seat_id    uuid,
    quantity   integer NOT NULL CONSTRAINT hold_item_quantity_positive CHECK (quantity > 0),
    CONSTRAINT hold_item_pk PRIMARY KEY (hold_id, position),
    CONSTRAINT seat_item_is_one_ticket CHECK (seat_id IS NULL OR quantity = 1)
);

-- Tickets a buyer has in active holds and live orders for an event: the per-buyer limit is a conditional upsert on
-- this row, so parallel requests from one buyer serialize on it and can never exceed the event's limit.
CREATE TABLE buyer_allowance (
    event_id uuid    NOT NULL CONSTRAINT buyer_allowance_of_event REFERENCES event (id),
    buyer_id uuid    NOT NULL,
    tickets  integer NOT NULL CONSTRAINT buyer_allowance_not_negative CHECK (tickets >= 0),
    CONSTRAINT buyer_allowance_pk PRIMARY KEY (event_id, buyer_id)
);

CREATE TABLE purchase_order (
    id           uuid PRIMARY KEY,
    event_id     uuid        NOT NULL CONSTRAINT order_for_event REFERENCES event (id),
    buyer_id     uuid        NOT NULL,
    hold_id      uuid        NOT NULL CONSTRAINT order_from_hold REFERENCES hold (id),
    status       text        NOT NULL CONSTRAINT order_status_known
        CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'EXPIRED', 'CANCELLED', 'REFUND_REQUESTED')),
    total_minor  bigint      NOT NULL CONSTRAINT order_total_not_negative CHECK (total_minor >= 0),
    currency     char(3)     NOT NULL,
    quantity     integer     NOT NULL,
    created_at   timestamptz NOT NULL,
    payment_due  timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT one_order_per_hold UNIQUE (hold_id)
);
CREATE INDEX order_by_event_status ON purchase_order (event_id, status, created_at DESC);
CREATE INDEX order_by_buyer ON purchase_order (buyer_id, created_at DESC);
CREATE INDEX order_pending_by_due ON purchase_order (payment_due) WHERE status = 'PENDING_PAYMENT';

CREATE TABLE order_line (
    order_id         uuid    NOT NULL CONSTRAINT order_line_of_order REFERENCES purchase_order (id),
    position         integer NOT NULL,
    section_id       uuid    NOT NULL,
    seat_id          uuid,
    description      text    NOT NULL,
    quantity         integer NOT NULL,
    unit_price_minor bigint  NOT NULL,
    amount_minor     bigint  NOT NULL,
    CONSTRAINT order_line_pk PRIMARY KEY (order_id, position)
);

-- Idempotency-Key records: the first response to a creating POST, replayed for retries with the same key.
CREATE TABLE idempotency_record (
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
CREATE INDEX idempotency_record_by_age ON idempotency_record (created_at);
