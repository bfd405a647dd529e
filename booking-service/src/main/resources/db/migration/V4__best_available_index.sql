-- Best available (docs/booking.md) reads the best few available seats of a section, then tries blocks of them under
-- their seat locks without waiting, so concurrent buyers spread over the next best seats instead of queueing for the
-- same ones. The seat's place is copied into the inventory row so that one partial index serves that read and the
-- statement stops after the rows it needs, instead of reading and sorting every available seat of the section.
ALTER TABLE event_seat ADD COLUMN row_position integer, ADD COLUMN number integer;
UPDATE event_seat es SET row_position = s.row_position, number = s.number FROM seat s WHERE s.id = es.seat_id;
ALTER TABLE event_seat ALTER COLUMN row_position SET NOT NULL, ALTER COLUMN number SET NOT NULL;
CREATE INDEX event_seat_best_available ON event_seat (event_id, section_id, row_position, number)
    WHERE status = 'AVAILABLE';
