-- The promo code an order was checked out with, and the discount it granted (issue #22: the organizer's analytics per
-- code). A code's text is unique within its event and never changes, so (event_id, promo_code) names the code; its id
-- is kept as booking sent it. All null for orders without a code, and for orders recorded from events sent before
-- booking carried them.
ALTER TABLE order_fact ADD COLUMN promo_code_id uuid;
ALTER TABLE order_fact ADD COLUMN promo_code text;
ALTER TABLE order_fact ADD COLUMN discount_minor bigint;
CREATE INDEX order_fact_promo_code_idx ON order_fact (event_id, promo_code) WHERE promo_code IS NOT NULL;
