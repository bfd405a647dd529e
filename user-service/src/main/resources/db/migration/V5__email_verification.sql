-- An account's email address is verified when its owner types back a code mailed to it (docs/security.md, "Verified
-- contact channels"). Until then only purchase receipts go to it; notification-service learns of a verified address
-- from the EmailVerified event.
ALTER TABLE accounts ADD COLUMN email_verified_at timestamptz;

-- Codes mailed to an account's address: stored as a hash, single use, expiring, a few attempts each.
CREATE TABLE email_verifications (
    id          uuid        NOT NULL,
    account_id  uuid        NOT NULL,
    email       text        NOT NULL,
    code_hash   text        NOT NULL,
    attempts    integer     NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    CONSTRAINT email_verifications_pk PRIMARY KEY (id),
    CONSTRAINT email_verifications_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX email_verifications_account_idx ON email_verifications (account_id, created_at DESC);
