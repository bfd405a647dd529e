-- Optimistic locking for orders (docs/adr/0001-data-access.md): the saga, the buyer, the organizer and the expiry sweep
-- may all move one order; every transition takes the row lock first, and the version catches any writer that did not.
ALTER TABLE purchase_order ADD COLUMN version bigint NOT NULL DEFAULT 0;
