-- Capacity an organizer added to a published event's general-admission area (docs/commerce.md, "Adding capacity").
-- The area's inventory (event_area's stripes) is raised in the same transaction; this column keeps the event's own
-- figure for its catalogue, beside the venue's capacity the area was published with. It only grows.
ALTER TABLE price_tier ADD COLUMN added_capacity integer NOT NULL DEFAULT 0;
ALTER TABLE price_tier ADD CONSTRAINT price_tier_added_capacity_not_negative CHECK (added_capacity >= 0);
