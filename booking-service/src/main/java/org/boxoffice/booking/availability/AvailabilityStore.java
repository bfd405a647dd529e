package org.boxoffice.booking.availability;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads availability from the inventory tables: the truth the cache is rebuilt from. */
@Repository
@SqlByDesign("Availability: set-based counts over the inventory tables, the "
        + "truth the availability cache is rebuilt from")
class AvailabilityStore {

    private final JdbcClient jdbc;

    AvailabilityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    InventorySnapshot snapshot(UUID eventId) {
        Map<UUID, Set<UUID>> seats = new HashMap<>();
        jdbc.sql("SELECT section_id, seat_id FROM event_seat WHERE event_id = ? AND status = 'AVAILABLE'")
                .param(eventId)
                .query((java.sql.ResultSet rs) -> {
                    seats.computeIfAbsent(rs.getObject(1, UUID.class), s -> new HashSet<>())
                            .add(rs.getObject(2, UUID.class));
                });
        Map<UUID, Map<Integer, InventoryChange.AreaCount>> areas = new HashMap<>();
        jdbc.sql("SELECT section_id, stripe, capacity - held - sold, version FROM event_area WHERE event_id = ?")
                .param(eventId)
                .query((java.sql.ResultSet rs) -> {
                    areas.computeIfAbsent(rs.getObject(1, UUID.class), s -> new HashMap<>()).put(rs.getInt(2),
                            new InventoryChange.AreaCount(rs.getInt(2), rs.getInt(3), rs.getLong(4)));
                });
        return new InventorySnapshot(seats, areas);
    }

    /** Every seat of a section of the event in map order: the layout never changes once the event is published. */
    List<SeatPosition> seats(UUID eventId, UUID sectionId) {
        return jdbc.sql("""
                SELECT s.id, s.row_label, s.number, s.accessible, s.restricted_view
                  FROM event_seat es JOIN seat s ON s.id = es.seat_id
                 WHERE es.event_id = ? AND es.section_id = ?
                 ORDER BY s.row_position, s.number""").params(eventId, sectionId)
                .query((rs, row) -> new SeatPosition(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .list();
    }

    record SeatPosition(UUID seatId, String row, int number, boolean accessible, boolean restrictedView) {
    }
}
