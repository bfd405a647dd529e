package org.boxoffice.booking.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets, and the conditional statements that void and admit them. */
@SqlByDesign("Still hand-written until this service's aggregates move to Spring Data JPA (issue #21)")
@Repository
class Tickets {

    private final JdbcClient jdbc;

    Tickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Ticket t) {
        jdbc.sql("""
                INSERT INTO ticket (id, order_id, event_id, buyer_id, position, section_id, section_name, seat_id,
                                    row_label, seat_number, tier_name, price_minor, currency, code, qr_payload, status,
                                    issued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.id(), t.orderId(), t.eventId(), t.buyerId(), t.position(), t.sectionId(), t.sectionName(),
                        t.seatId(), t.row(), t.seat(), t.tierName(), t.priceMinor(), t.currency().getCurrencyCode(),
                        t.code(), t.qrPayload(), t.status().name(), Timestamp.from(t.issuedAt()))
                .update();
    }

    /** Row label and number per seat id. */
    Map<UUID, String[]> seatPlaces(List<UUID> seatIds) {
        Map<UUID, String[]> places = new java.util.HashMap<>();
        jdbc.sql("SELECT id, row_label, number FROM seat WHERE id = ANY(?)").param(seatIds.toArray(UUID[]::new))
                .query((ResultSet r) -> {
                    places.put(r.getObject(1, UUID.class), new String[] { r.getString(2), Integer.toString(r.getInt(3)) });
                });
        return places;
    }

    Optional<Ticket> find(UUID id) {
        return jdbc.sql("SELECT * FROM ticket WHERE id = ?").param(id).query(Tickets::ticket).optional();
    }

    Optional<Ticket> findByCode(String code) {
        return jdbc.sql("SELECT * FROM ticket WHERE code = ?").param(code).query(Tickets::ticket).optional();
    }

    List<Ticket> ofOrder(UUID orderId) {
        return jdbc.sql("SELECT * FROM ticket WHERE order_id = ? ORDER BY position").param(orderId)
                .query(Tickets::ticket).list();
    }

    Optional<UUID> orderOwner(UUID orderId) {
        return jdbc.sql("SELECT buyer_id FROM purchase_order WHERE id = ?").param(orderId).query(UUID.class)
                .optional();
    }

    UUID organizationOf(UUID eventId) {
        return jdbc.sql("SELECT organization_id FROM event WHERE id = ?").param(eventId).query(UUID.class).single();
    }

    int voidOrder(UUID orderId, Instant now) {
        return jdbc.sql("UPDATE ticket SET status = 'VOID', voided_at = ? WHERE order_id = ? AND status = 'VALID'")
                .params(Timestamp.from(now), orderId).update();
    }

    /**
     * When the order's tickets were admitted, each locked until the caller's transaction ends: a check-in racing with
     * the caller's cancellation waits for it (and then finds the ticket void), and a check-in that committed first is
     * seen here.
     */
    List<Instant> lockCheckIns(UUID orderId) {
        return jdbc.sql("SELECT checked_in_at FROM ticket WHERE order_id = ? ORDER BY position FOR UPDATE")
                .param(orderId).query((rs, row) -> instant(rs, "checked_in_at")).list().stream()
                .filter(java.util.Objects::nonNull).toList();
    }

    /** Admits the ticket only if it is valid and not yet admitted: of two scans racing, exactly one wins. */
    boolean checkIn(UUID ticketId, Instant now) {
        return jdbc.sql("""
                UPDATE ticket SET checked_in_at = ?
                 WHERE id = ? AND status = 'VALID' AND checked_in_at IS NULL""")
                .params(Timestamp.from(now), ticketId).update() == 1;
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        return new Ticket(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getObject("buyer_id", UUID.class), rs.getInt("position"),
                rs.getObject("section_id", UUID.class), rs.getString("section_name"),
                rs.getObject("seat_id", UUID.class), rs.getString("row_label"), rs.getString("seat_number"),
                rs.getString("tier_name"), rs.getLong("price_minor"), Currency.getInstance(rs.getString("currency")),
                rs.getString("code"), rs.getString("qr_payload"), TicketStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("issued_at").toInstant(), instant(rs, "voided_at"), instant(rs, "checked_in_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
