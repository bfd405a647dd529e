-- Ticket transfer (issue #22 item 5, docs/commerce.md): a buyer hands a ticket to another email address before the
-- event. The ticket is replaced, never edited: the old row becomes VOID with transferred_at set (its code and QR admit
-- nobody from then on) and a new row with a new code and QR takes its place in the order, at the same position.
ALTER TABLE ticket ADD COLUMN holder_email text;
ALTER TABLE ticket ADD COLUMN transferred_from uuid CONSTRAINT ticket_transferred_from REFERENCES ticket (id);
ALTER TABLE ticket ADD COLUMN transferred_at timestamptz;

-- A transferred ticket is void and was never used at the door: the last line behind the row lock that makes a
-- transfer and a check-in of the same ticket take turns.
ALTER TABLE ticket ADD CONSTRAINT ticket_transfer_recorded
    CHECK (transferred_at IS NULL OR (status = 'VOID' AND checked_in_at IS NULL));

-- One ticket per place of an order (a second set of tickets for an order is still refused); the tickets a transfer
-- replaced stay beside their replacement. A ticket is replaced at most once.
ALTER TABLE ticket DROP CONSTRAINT one_ticket_per_order_position;
CREATE UNIQUE INDEX one_ticket_per_order_position ON ticket (order_id, position) WHERE transferred_at IS NULL;
CREATE UNIQUE INDEX one_transfer_per_ticket ON ticket (transferred_from) WHERE transferred_from IS NOT NULL;

-- The organizer's transfer rule per event; no row: transfers allowed until the event starts.
CREATE TABLE ticket_transfer_policy (
    event_id   uuid        PRIMARY KEY CONSTRAINT transfer_policy_of_event REFERENCES event (id),
    enabled    boolean     NOT NULL,
    deadline   timestamptz,
    updated_at timestamptz NOT NULL
);
