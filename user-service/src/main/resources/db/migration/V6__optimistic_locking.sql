-- Accounts and organizations are JPA entities now (docs/adr/0001-data-access.md): a version per row, so that of two
-- writers who read the same state the later one fails cleanly instead of overwriting the first.
ALTER TABLE accounts ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE organizations ADD COLUMN version bigint NOT NULL DEFAULT 0;
