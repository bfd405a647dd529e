package org.boxoffice.booking.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.booking.availability.InventoryChange.AreaCount;
import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A general-admission area's counts, kept in up to {@value #MAX_STRIPES} interchangeable rows (stripes) so that
 * concurrent holds of one area do not queue for one row lock (V13 migration, docs/booking.md). Every move of tickets
 * first tries one stripe that has room for all of them and that no other transaction has locked right now
 * ({@code FOR UPDATE SKIP LOCKED}: nobody waits); only when there is none — every stripe with room is being written,
 * or no single stripe has room for the whole quantity — it locks all the area's stripes in stripe order and spreads
 * the quantity over them. Each statement states the stripe's expected prior state, and each stripe's CHECK keeps
 * {@code held + sold <= capacity}: the stripes' capacities add up to the area's, so it can never be oversold.
 */
@Repository
@SqlByDesign("The fence for general admission: conditional updates of the area's stripes, one stripe without "
        + "waiting when one has room, else every stripe locked in order")
public class AreaStripes {

    /**
     * Stripes of a large area; an area gets one per {@value #TICKETS_PER_STRIPE} tickets, at least one (the split is
     * made in SQL when the event is published: EventInventory).
     */
    public static final int MAX_STRIPES = 16;
    public static final int TICKETS_PER_STRIPE = 50;

    /** A move of {@code quantity} tickets between an area's free, held and sold counts. */
    enum Move {
        /** Free to held: a hold. */
        HOLD("held = held + :quantity", "capacity - held - sold"),
        /** Held to sold: a confirmed order. */
        SELL_HELD("held = held - :quantity, sold = sold + :quantity", "held"),
        /** Held to free: a hold or unpaid order that ended. */
        RETURN_HELD("held = held - :quantity", "held"),
        /** Sold to free: a refund or cancellation. */
        RETURN_SOLD("sold = sold - :quantity", "sold"),
        /** Free to sold: a late payment's released tickets sold again. */
        SELL_FREE("sold = sold + :quantity", "capacity - held - sold"),
        /** Sold to held: refunded tickets offered to the waiting list, held for the buyer in line. */
        OFFER_SOLD("sold = sold - :quantity, held = held + :quantity", "sold");

        /** One stripe with room that nobody has locked, none if there is none; built once, not per hold. */
        private final String oneStripe;
        /** Every stripe of the area, locked in stripe order, with its room for this move. */
        private final String allStripes;
        /** A given stripe, conditional on its room. */
        private final String stripe;

        Move(String set, String room) {
            String update = "UPDATE event_area SET " + set + ", version = version + 1"
                    + " WHERE event_id = :event AND section_id = :section AND " + room + " >= :quantity";
            String returning = " RETURNING stripe, capacity - held - sold, version";
            this.oneStripe = update
                    + " AND stripe = (SELECT stripe FROM event_area WHERE event_id = :event AND section_id = :section"
                    + " AND " + room + " >= :quantity ORDER BY (stripe + :start) % " + MAX_STRIPES
                    + " LIMIT 1 FOR UPDATE SKIP LOCKED)" + returning;
            this.allStripes = "SELECT stripe, " + room + " FROM event_area"
                    + " WHERE event_id = ? AND section_id = ? ORDER BY stripe FOR UPDATE";
            this.stripe = update + " AND stripe = :stripe" + returning;
        }
    }

    private final JdbcClient jdbc;

    AreaStripes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Moves {@code quantity} tickets of the area, all or none, recording every stripe written in {@code change}.
     * Returns false, having changed nothing, when the area's stripes together have no room for them.
     */
    boolean move(UUID eventId, UUID sectionId, int quantity, Move move, InventoryChange change) {
        int start = ThreadLocalRandom.current().nextInt(MAX_STRIPES);
        var one = jdbc.sql(move.oneStripe)
                .param("event", eventId).param("section", sectionId).param("quantity", quantity)
                .param("start", start).query(AreaStripes::count).optional();
        if (one.isPresent()) {
            change.area(sectionId, one.get());
            return true;
        }
        return spread(eventId, sectionId, quantity, move, change);
    }

    /** The slow path: every stripe locked in stripe order (one lock order for all), the quantity spread over them. */
    private boolean spread(UUID eventId, UUID sectionId, int quantity, Move move, InventoryChange change) {
        record Room(int stripe, int room) {
        }
        List<Room> rooms = jdbc.sql(move.allStripes).params(eventId, sectionId)
                .query((rs, row) -> new Room(rs.getInt(1), rs.getInt(2))).list();
        if (rooms.stream().mapToInt(Room::room).sum() < quantity) {
            return false;
        }
        List<AreaCount> written = new ArrayList<>();
        int left = quantity;
        for (Room room : rooms) {
            int part = Math.min(left, room.room());
            if (part > 0) {
                written.add(jdbc.sql(move.stripe).param("event", eventId).param("section", sectionId)
                        .param("stripe", room.stripe()).param("quantity", part).query(AreaStripes::count).single());
                left -= part;
            }
        }
        written.forEach(count -> change.area(sectionId, count));
        return true;
    }

    /**
     * Raises the area's capacity by {@code quantity} tickets that are held at once (under the caller's claim): one
     * statement adds them to the capacity and to the held count of the stripe with the smallest capacity, so they are
     * never free for an instant and the stripe's {@code held + sold <= capacity} holds before and after. A hold
     * racing on that stripe waits for its row lock and then sees the new counts; holds of other stripes go on.
     */
    void addHeld(UUID eventId, UUID sectionId, int quantity, InventoryChange change) {
        var added = jdbc.sql("""
                UPDATE event_area SET capacity = capacity + :quantity, held = held + :quantity, version = version + 1
                 WHERE event_id = :event AND section_id = :section
                   AND stripe = (SELECT stripe FROM event_area WHERE event_id = :event AND section_id = :section
                                  ORDER BY capacity, stripe LIMIT 1)
                RETURNING stripe, capacity - held - sold, version""")
                .param("event", eventId).param("section", sectionId).param("quantity", quantity)
                .query(AreaStripes::count).optional()
                .orElseThrow(() -> new IllegalStateException("event " + eventId + " has no area " + sectionId));
        change.area(sectionId, added);
    }

    /** The area's tickets left, all stripes together (zero for an area the event does not have). */
    int remaining(UUID eventId, UUID sectionId) {
        return jdbc.sql("SELECT coalesce(sum(capacity - held - sold), 0)::int FROM event_area"
                + " WHERE event_id = ? AND section_id = ?").params(eventId, sectionId).query(Integer.class).single();
    }

    private static AreaCount count(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AreaCount(rs.getInt(1), rs.getInt(2), rs.getLong(3));
    }
}
