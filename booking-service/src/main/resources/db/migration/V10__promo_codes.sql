-- Promo and access codes (docs/commerce.md). The code is the aggregate (JPA); its use counters are changed only by
-- conditional statements, like the hold path's fence: a code with N uses is redeemed at most N times, whoever races.
CREATE TABLE promo_code (
    id                  uuid PRIMARY KEY,
    event_id            uuid        NOT NULL CONSTRAINT promo_code_of_event REFERENCES event (id),
    code                text        NOT NULL CONSTRAINT promo_code_format CHECK (code ~ '^[A-Z0-9_-]{3,40}$'),
    kind                text        NOT NULL CONSTRAINT promo_code_kind_known CHECK (kind IN ('DISCOUNT', 'ACCESS')),
    percent_off         integer CONSTRAINT promo_code_percent_range CHECK (percent_off BETWEEN 1 AND 100),
    amount_off_minor    bigint CONSTRAINT promo_code_amount_positive CHECK (amount_off_minor > 0),
    section_ids         uuid[]      NOT NULL DEFAULT '{}',
    tier_names          text[]      NOT NULL DEFAULT '{}',
    max_uses            integer CONSTRAINT promo_code_max_uses_positive CHECK (max_uses > 0),
    max_uses_per_buyer  integer CONSTRAINT promo_code_max_uses_per_buyer_positive CHECK (max_uses_per_buyer > 0),
    valid_from          timestamptz,
    valid_until         timestamptz,
    enabled             boolean     NOT NULL,
    uses                integer     NOT NULL DEFAULT 0 CONSTRAINT promo_code_uses_not_negative CHECK (uses >= 0),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    version             bigint      NOT NULL DEFAULT 0,
    CONSTRAINT unique_promo_code_for_event UNIQUE (event_id, code),
    CONSTRAINT promo_code_uses_within_max CHECK (max_uses IS NULL OR uses <= max_uses),
    CONSTRAINT promo_code_window_ordered CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from < valid_until),
    CONSTRAINT promo_code_discount_shape CHECK (
        (kind = 'DISCOUNT' AND (percent_off IS NULL) <> (amount_off_minor IS NULL))
        OR (kind = 'ACCESS' AND percent_off IS NULL AND amount_off_minor IS NULL))
);

-- One buyer's uses of one code, taken with a conditional upsert (like buyer_allowance).
CREATE TABLE promo_code_buyer (
    code_id  uuid    NOT NULL CONSTRAINT promo_code_buyer_of_code REFERENCES promo_code (id),
    buyer_id uuid    NOT NULL,
    uses     integer NOT NULL CONSTRAINT promo_code_buyer_uses_not_negative CHECK (uses >= 0),
    CONSTRAINT promo_code_buyer_pk PRIMARY KEY (code_id, buyer_id)
);

-- A use of a code by the tickets of one hold (an access code at hold time, a discount code at the checkout of the
-- order made from it). returned_at is set exactly once when the hold or its order ends without the tickets, by a
-- statement guarded on returned_at IS NULL: only the caller that sets it gives the use back.
CREATE TABLE promo_redemption (
    hold_id     uuid        NOT NULL CONSTRAINT promo_redemption_of_hold REFERENCES hold (id),
    code_id     uuid        NOT NULL CONSTRAINT promo_redemption_of_code REFERENCES promo_code (id),
    buyer_id    uuid        NOT NULL,
    redeemed_at timestamptz NOT NULL,
    returned_at timestamptz,
    CONSTRAINT promo_redemption_pk PRIMARY KEY (hold_id, code_id)
);
CREATE INDEX promo_redemption_by_code ON promo_redemption (code_id);

-- The code an order was checked out with, and each line's share of the discount.
ALTER TABLE purchase_order ADD COLUMN promo_code text;
ALTER TABLE order_line ADD COLUMN discount_minor bigint NOT NULL DEFAULT 0
    CONSTRAINT order_line_discount_within_amount CHECK (discount_minor >= 0 AND discount_minor <= amount_minor);

-- A hidden tier is not listed to buyers: only an access code that covers it opens it (on sale or in the pre-sale).
ALTER TABLE price_tier ADD COLUMN hidden boolean NOT NULL DEFAULT false;
