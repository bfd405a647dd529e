-- Accounts: one per email (stored normalised to lower case), roles as a checked array.
CREATE TABLE accounts (
    id            uuid        NOT NULL,
    email         text        NOT NULL,
    password_hash text        NOT NULL,
    display_name  text,
    roles         text[]      NOT NULL DEFAULT ARRAY['BUYER'],
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT accounts_pk PRIMARY KEY (id),
    CONSTRAINT accounts_email_unique UNIQUE (email),
    CONSTRAINT accounts_email_normalised CHECK (email = lower(btrim(email))),
    CONSTRAINT accounts_roles_known CHECK (roles <@ ARRAY['BUYER', 'ORGANIZER', 'ADMIN'])
);

CREATE TABLE organizations (
    id         uuid        NOT NULL,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organizations_pk PRIMARY KEY (id),
    CONSTRAINT organizations_name_unique UNIQUE (name)
);

-- Who may act for an organization as its organizer.
CREATE TABLE organization_members (
    organization_id uuid        NOT NULL,
    account_id      uuid        NOT NULL,
    granted_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT organization_members_pk PRIMARY KEY (organization_id, account_id),
    CONSTRAINT organization_members_organization_fk FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT organization_members_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX organization_members_account_idx ON organization_members (account_id);

-- Refresh tokens are stored as SHA-256 hashes only. Each login starts a family; every refresh replaces the token
-- with a new one of the same family, and presenting a replaced token again revokes the whole family.
CREATE TABLE refresh_tokens (
    id          uuid        NOT NULL,
    family_id   uuid        NOT NULL,
    account_id  uuid        NOT NULL,
    token_hash  text        NOT NULL,
    issued_at   timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    replaced_at timestamptz,
    revoked_at  timestamptz,
    CONSTRAINT refresh_tokens_pk PRIMARY KEY (id),
    CONSTRAINT refresh_tokens_hash_unique UNIQUE (token_hash),
    CONSTRAINT refresh_tokens_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_account_idx ON refresh_tokens (account_id);

-- Failed logins per subject ('account:<email>' or 'ip:<address>') in the current window.
CREATE TABLE login_failures (
    subject           text        NOT NULL,
    failures          integer     NOT NULL,
    window_started_at timestamptz NOT NULL,
    CONSTRAINT login_failures_pk PRIMARY KEY (subject)
);

-- Token signing keys for the local run (production reads PEM files from BOXOFFICE_JWT_KEYS_DIR instead).
-- A key signs from created_at until a newer key exists, and is published until retire_after.
CREATE TABLE signing_keys (
    kid          text        NOT NULL,
    algorithm    text        NOT NULL,
    private_key  text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    retire_after timestamptz,
    CONSTRAINT signing_keys_pk PRIMARY KEY (kid),
    CONSTRAINT signing_keys_algorithm_known CHECK (algorithm IN ('RS256', 'ES256'))
);
