package org.boxoffice.booking.admission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Waiting room settings, one row per event that has one. */
@Repository
@SqlByDesign("Read on every hold of an event (the admission check) and written as one "
        + "upsert; the republisher reads the settings joined with their events in one statement")
class WaitingRooms {

    /**
     * A setting with what the gateway needs of its event.
     *
     * @param eventOver the event was cancelled or completed: its room is closed whatever the setting says
     */
    record OfEvent(WaitingRoom room, UUID organizationId, Instant onSaleAt, Instant offSaleAt, boolean eventOver) {
    }

    private final JdbcClient jdbc;

    WaitingRooms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WaitingRoom> find(UUID eventId) {
        return jdbc.sql("SELECT * FROM waiting_room WHERE event_id = ?").param(eventId).query(WaitingRooms::room)
                .optional();
    }

    void save(WaitingRoom room) {
        jdbc.sql("""
                INSERT INTO waiting_room (event_id, enabled, mode, rate_per_minute, min_rate_per_minute,
                                          max_rate_per_minute, opens_before_seconds, pass_seconds, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO UPDATE SET enabled = excluded.enabled, mode = excluded.mode,
                       rate_per_minute = excluded.rate_per_minute, min_rate_per_minute = excluded.min_rate_per_minute,
                       max_rate_per_minute = excluded.max_rate_per_minute,
                       opens_before_seconds = excluded.opens_before_seconds, pass_seconds = excluded.pass_seconds,
                       updated_at = excluded.updated_at""")
                .params(room.eventId(), room.enabled(), room.mode().name(), room.ratePerMinute(),
                        room.minRatePerMinute(), room.maxRatePerMinute(), (int) room.opensBefore().toSeconds(),
                        (int) room.passLifetime().toSeconds(), Timestamp.from(room.updatedAt()))
                .update();
    }

    /** Every setting of an event whose sale ended after {@code endedAfter}: what the gateway may still need. */
    List<OfEvent> current(Instant endedAfter) {
        return jdbc.sql("""
                SELECT w.*, e.organization_id, e.on_sale_at, e.off_sale_at,
                       e.status IN ('CANCELLED', 'COMPLETED') AS event_over
                  FROM waiting_room w JOIN event e ON e.id = w.event_id
                 WHERE e.off_sale_at > ?""").param(Timestamp.from(endedAfter))
                .query((rs, row) -> new OfEvent(room(rs, row), rs.getObject("organization_id", UUID.class),
                        rs.getTimestamp("on_sale_at").toInstant(), rs.getTimestamp("off_sale_at").toInstant(),
                        rs.getBoolean("event_over")))
                .list();
    }

    private static WaitingRoom room(ResultSet rs, int row) throws SQLException {
        return new WaitingRoom(rs.getObject("event_id", UUID.class), rs.getBoolean("enabled"),
                AdmissionMode.valueOf(rs.getString("mode")), rs.getInt("rate_per_minute"),
                rs.getInt("min_rate_per_minute"), rs.getInt("max_rate_per_minute"),
                Duration.ofSeconds(rs.getInt("opens_before_seconds")), Duration.ofSeconds(rs.getInt("pass_seconds")),
                rs.getTimestamp("updated_at").toInstant());
    }
}
