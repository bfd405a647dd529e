-- The sold-out waiting list (docs/commerce.md). Tickets given back (an expired or released hold, an order that
-- expired, failed or was cancelled) go to the first buyer in line whose quantity fits, in the transaction that gives
-- them back: they stay HELD (seats: event_seat.hold_id names the offer; areas: the stripes' held count) until the
-- buyer claims them into a hold of their own, or the offer expires and passes them to the next in line.

-- An event's list, turned on by its organizer; claim_minutes is how long an offer stays open.
CREATE TABLE waiting_list (
    event_id      uuid PRIMARY KEY CONSTRAINT waiting_list_of_event REFERENCES event (id),
    enabled       boolean     NOT NULL,
    claim_minutes integer     NOT NULL CONSTRAINT waiting_list_claim_minutes_range CHECK (claim_minutes BETWEEN 1 AND 1440),
    updated_at    timestamptz NOT NULL
);

-- A buyer in line for a quantity of one section. position is the order of joining; an entry ends once
-- (OFFERED → CLAIMED | EXPIRED, or LEFT, or CLOSED with the list), by statements guarded on its status.
CREATE TABLE waiting_list_entry (
    id          uuid PRIMARY KEY,
    event_id    uuid        NOT NULL CONSTRAINT waiting_list_entry_of_event REFERENCES event (id),
    section_id  uuid        NOT NULL,
    buyer_id    uuid        NOT NULL,
    buyer_email text        NOT NULL,
    quantity    integer     NOT NULL CONSTRAINT waiting_list_entry_quantity_positive CHECK (quantity > 0),
    position    bigint      GENERATED ALWAYS AS IDENTITY,
    status      text        NOT NULL CONSTRAINT waiting_list_entry_status_known
        CHECK (status IN ('WAITING', 'OFFERED', 'CLAIMED', 'EXPIRED', 'LEFT', 'CLOSED')),
    joined_at   timestamptz NOT NULL,
    ended_at    timestamptz
);
-- One place in line per buyer and section at a time.
CREATE UNIQUE INDEX waiting_list_entry_one_per_buyer ON waiting_list_entry (event_id, section_id, buyer_id)
    WHERE status IN ('WAITING', 'OFFERED');
-- The next in line: the only statement a give-back runs on an event without a waiting list reads this empty index.
CREATE INDEX waiting_list_entry_next ON waiting_list_entry (event_id, section_id, position) WHERE status = 'WAITING';
CREATE INDEX waiting_list_entry_by_buyer ON waiting_list_entry (buyer_id, joined_at DESC);

-- Tickets offered to one entry (at most one offer per entry: an unclaimed offer passes to the next entry).
CREATE TABLE waiting_list_offer (
    id         uuid PRIMARY KEY,
    entry_id   uuid        NOT NULL CONSTRAINT waiting_list_offer_of_entry REFERENCES waiting_list_entry (id),
    event_id   uuid        NOT NULL CONSTRAINT waiting_list_offer_of_event REFERENCES event (id),
    section_id uuid        NOT NULL,
    buyer_id   uuid        NOT NULL,
    seat_ids   uuid[]      NOT NULL,
    quantity   integer     NOT NULL CONSTRAINT waiting_list_offer_quantity_positive CHECK (quantity > 0),
    status     text        NOT NULL CONSTRAINT waiting_list_offer_status_known
        CHECK (status IN ('OPEN', 'CLAIMED', 'EXPIRED', 'DECLINED', 'WITHDRAWN')),
    offered_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    ended_at   timestamptz,
    hold_id    uuid,
    CONSTRAINT waiting_list_offer_one_per_entry UNIQUE (entry_id),
    CONSTRAINT waiting_list_offer_seats_or_area CHECK (cardinality(seat_ids) = 0 OR cardinality(seat_ids) = quantity),
    CONSTRAINT waiting_list_offer_claim_names_its_hold CHECK ((status = 'CLAIMED') = (hold_id IS NOT NULL))
);
CREATE INDEX waiting_list_offer_open_by_expiry ON waiting_list_offer (expires_at) WHERE status = 'OPEN';
CREATE INDEX waiting_list_offer_by_event ON waiting_list_offer (event_id, section_id);
