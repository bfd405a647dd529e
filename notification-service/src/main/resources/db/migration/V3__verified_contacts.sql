-- Verified contact channels (docs/notifications.md, "Whom a message may reach"). Beyond the purchase receipt, email
-- goes only to an address the buyer proved to own in user-service (EmailVerified), and SMS/WhatsApp only to a phone
-- number confirmed here with a code.

-- The buyer's verified email address, from user-service's EmailVerified event.
CREATE TABLE verified_email (
    buyer_id    uuid        PRIMARY KEY,
    email       text        NOT NULL,
    verified_at timestamptz NOT NULL
);

-- When the buyer's current phone number was confirmed; a new number starts unconfirmed.
ALTER TABLE buyer_preference ADD COLUMN phone_verified_at timestamptz;

-- Codes sent to a phone number to confirm it: stored as a hash, single use, expiring, a few attempts each.
CREATE TABLE phone_verification (
    id          uuid        PRIMARY KEY,
    buyer_id    uuid        NOT NULL,
    phone       text        NOT NULL,
    code_hash   text        NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX phone_verification_by_buyer ON phone_verification (buyer_id, created_at DESC);
CREATE INDEX phone_verification_by_phone ON phone_verification (phone, created_at DESC);

-- SUPPRESSED: a message over a per-buyer or per-recipient cap, recorded (with the cap in last_error) but not sent.
ALTER TABLE delivery DROP CONSTRAINT delivery_status_known;
ALTER TABLE delivery ADD CONSTRAINT delivery_status_known
    CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED'));
-- The caps count a buyer's, and an address's, recent messages per channel.
CREATE INDEX delivery_by_buyer_channel ON delivery (buyer_id, channel, created_at);
CREATE INDEX delivery_by_recipient_channel ON delivery (recipient, channel, created_at) WHERE recipient IS NOT NULL;
