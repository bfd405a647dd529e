-- Preferences and deliveries are JPA entities now (docs/adr/0001-data-access.md): a version per row, so that of two
-- writers who read the same state the later one fails cleanly instead of overwriting the first. The dispatcher's
-- claim (SQL) counts up the version too, so a worker whose lease ran out cannot overwrite the next claimant's outcome.
ALTER TABLE buyer_preference ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE delivery ADD COLUMN version bigint NOT NULL DEFAULT 0;
