package org.boxoffice.booking.event;

import java.util.UUID;

import org.boxoffice.booking.inventory.AreaStripes;
import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The per-event inventory the hold path sells from, created when an event is published. */
@Repository
@SqlByDesign("Publishing copies every seat of the priced sections (tens of thousands) into the hold path's inventory "
        + "tables in one INSERT … SELECT per table, inside the database")
class EventInventory {

    private final JdbcClient jdbc;

    EventInventory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Copies the seats and areas of the priced sections into the event's own inventory. Returns tickets created. */
    int materialize(UUID eventId) {
        jdbc.sql("""
                INSERT INTO event_seat (event_id, seat_id, section_id, status, row_position, number)
                SELECT t.event_id, st.id, st.section_id, 'AVAILABLE', st.row_position, st.number
                  FROM price_tier t JOIN section s ON s.id = t.section_id AND s.kind = 'SEATED'
                  JOIN seat st ON st.section_id = s.id
                 WHERE t.event_id = ?""").param(eventId).update();
        // An area's capacity is split over its stripes (AreaStripes): one per TICKETS_PER_STRIPE tickets, at least one
        // and at most MAX_STRIPES, the first ones taking the remainder, so that they add up to the capacity.
        jdbc.sql("""
                INSERT INTO event_area (event_id, section_id, stripe, capacity)
                SELECT t.event_id, s.id, g.stripe, s.capacity / k.n + CASE WHEN g.stripe < s.capacity % k.n THEN 1 ELSE 0 END
                  FROM price_tier t JOIN section s ON s.id = t.section_id AND s.kind = 'GENERAL_ADMISSION'
                 CROSS JOIN LATERAL (SELECT greatest(1, least(:max, s.capacity / :per))::int AS n) k
                 CROSS JOIN LATERAL generate_series(0, k.n - 1) AS g(stripe)
                 WHERE t.event_id = :event""").param("event", eventId).param("max", AreaStripes.MAX_STRIPES)
                .param("per", AreaStripes.TICKETS_PER_STRIPE).update();
        // The planner must know the event's seats before its on-sale: with statistics from before the copy it takes
        // a new event for a handful of rows and plans the fence and best available as scans of the whole event
        // (11-13 ms each instead of 0.1-0.5 ms, measured: docs/performance.md). ANALYZE counts this transaction's
        // rows, and its statistics become visible with the commit; it samples a bounded number of rows, whatever
        // the table's size. Another publish waits for this one's commit (ANALYZE's lock), holds never do.
        jdbc.sql("ANALYZE event_seat, event_area").update();
        return tickets(eventId);
    }

    /** The event's tickets: its seats and its areas' capacities. */
    int tickets(UUID eventId) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM event_seat WHERE event_id = ?)
                     + coalesce((SELECT sum(capacity) FROM event_area WHERE event_id = ?), 0)""")
                .params(eventId, eventId).query(Integer.class).single();
    }
}
