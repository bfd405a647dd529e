-- The booking schema belongs to booking-service alone: no other service reads or writes it.
COMMENT ON SCHEMA booking IS 'Owned by booking-service. Venues, seat maps, events, price tiers, holds, orders, tickets and check-in.';
