-- The sandbox provider's card tokens. A buyer's browser sends card details to the provider (POST /sandbox/v1/tokens)
-- and pays with the single-use token it gets back: Boxoffice's payment API never sees a card number or a CVC. Like
-- the rest of the sandbox_* tables this is the provider's own record; it keeps what a real provider shows of a card
-- (last four digits, expiry) and the test scenario the number chose, never the number or the CVC.
CREATE TABLE sandbox_token (
    id          text        NOT NULL CONSTRAINT sandbox_token_pk PRIMARY KEY,
    card_last4  text        NOT NULL CONSTRAINT sandbox_token_last4_digits CHECK (card_last4 ~ '^[0-9]{4}$'),
    exp_month   integer     NOT NULL CONSTRAINT sandbox_token_exp_month_valid CHECK (exp_month BETWEEN 1 AND 12),
    exp_year    integer     NOT NULL,
    scenario    text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    -- Set once, by the charge that used the token up (its reference: our payment id).
    used_at     timestamptz,
    used_by     uuid,
    CONSTRAINT sandbox_token_used_together CHECK ((used_at IS NULL) = (used_by IS NULL))
);
CREATE INDEX sandbox_token_by_age ON sandbox_token (created_at);
