-- The hold path's SQL (booking-service HoldService/HoldFence/Inventory/Holds, Outbox.append), as pgbench runs it
-- against a copy of the booking schema on the same server: one buyer holding two adjacent, uncontended seats.
-- :event, :seats come from run-benchmark.sh; bench_seat numbers the event's seats; bench_hold_seq hands every
-- transaction its own pair, so nothing collides (the uncontended ceiling).
SELECT nextval('bench_hold_seq') AS n, gen_random_uuid() AS hold, gen_random_uuid() AS buyer, gen_random_uuid() AS outbox \gset
-- Step 1, outside the transaction: the pre-check (Inventory.lookup).
SELECT seat_id, section_id, status FROM event_seat WHERE event_id = :event::uuid
   AND seat_id = ANY(ARRAY(SELECT seat_id FROM bench_seat WHERE n IN (2 * :n::bigint - 1, 2 * :n::bigint)));
BEGIN;
-- Per-buyer allowance (Inventory.reserveAllowance).
INSERT INTO buyer_allowance (event_id, buyer_id, tickets) VALUES (:event::uuid, :buyer::uuid, 2)
ON CONFLICT (event_id, buyer_id) DO UPDATE SET tickets = buyer_allowance.tickets + excluded.tickets
 WHERE buyer_allowance.tickets + excluded.tickets <= 1000;
-- The fence (Inventory.takeSeats).
UPDATE event_seat SET status = 'HELD', hold_id = :hold::uuid
 WHERE event_id = :event::uuid AND seat_id = ANY(ARRAY(SELECT seat_id FROM bench_seat WHERE n IN (2 * :n::bigint - 1, 2 * :n::bigint)))
   AND status = 'AVAILABLE';
-- The hold and its items, one statement (Holds.insert).
WITH new_hold AS (
  INSERT INTO hold (id, event_id, buyer_id, buyer_email, status, quantity, created_at, expires_at)
  VALUES (:hold::uuid, :event::uuid, :buyer::uuid, 'bench@load.boxoffice.dev', 'ACTIVE', 2, now(), now() + interval '5 minutes'))
INSERT INTO hold_item (hold_id, position, section_id, seat_id, quantity)
SELECT :hold::uuid, (n - (2 * :n::bigint - 1))::int, section_id, seat_id, 1 FROM bench_seat
 WHERE n IN (2 * :n::bigint - 1, 2 * :n::bigint);
-- HoldPlaced (Outbox.append).
INSERT INTO outbox_event (id, stream, type, version, event_key, payload, trace_parent, occurred_at)
VALUES (:outbox::uuid, 'boxoffice.events.booking-service', 'HoldPlaced', 1, :hold::uuid,
        '{"holdId":"bench","quantity":2,"sectionIds":["bench"]}'::jsonb, NULL, now());
COMMIT;
