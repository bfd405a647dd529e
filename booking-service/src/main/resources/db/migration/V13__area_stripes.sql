-- A general-admission area's tickets are counted in several rows (stripes) instead of one. Every hold of the area
-- updated the same row, and a row is locked from its update to its transaction's commit, WAL flush included: one
-- row sells at most a few hundred holds a second whatever the number of replicas (pgbench on this machine: 375
-- transactions/s for the hold's statements on one row, 1,593 with sixteen rows; docs/performance.md). Each stripe
-- keeps its own fence (held + sold <= capacity, the CHECK below), and the stripes' capacities add up to the area's,
-- so the area can never be oversold. Stripes are interchangeable: a hold takes from any one that has room
-- (docs/booking.md). Areas published before this migration keep one stripe, number 0.
ALTER TABLE event_area ADD COLUMN stripe smallint NOT NULL DEFAULT 0;
ALTER TABLE event_area ALTER COLUMN stripe DROP DEFAULT;
ALTER TABLE event_area DROP CONSTRAINT event_area_pk;
ALTER TABLE event_area ADD CONSTRAINT event_area_pk PRIMARY KEY (event_id, section_id, stripe);
ALTER TABLE event_area ADD CONSTRAINT event_area_stripe_known CHECK (stripe >= 0);
