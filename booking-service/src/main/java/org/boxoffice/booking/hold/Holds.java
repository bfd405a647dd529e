package org.boxoffice.booking.hold;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Holds and their items. */
@Repository
@SqlByDesign("The hold path: holds and their items are written with the fence in one short transaction, "
        + "ended by status-guarded updates and claimed by the sweepers with FOR UPDATE SKIP LOCKED")
class Holds {

    private final JdbcClient jdbc;

    Holds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The hold and its items in one statement: one round trip on the hot path, whatever the number of seats. */
    void insert(Hold hold) {
        List<HoldItem> items = hold.items();
        jdbc.sql("""
                WITH new_hold AS (
                  INSERT INTO hold (id, event_id, buyer_id, buyer_email, status, quantity, created_at, expires_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?))
                INSERT INTO hold_item (hold_id, position, section_id, seat_id, quantity)
                SELECT ?, item.position - 1, item.section_id, item.seat_id, item.quantity
                  FROM unnest(?::uuid[], ?::uuid[], ?::int[]) WITH ORDINALITY
                       AS item (section_id, seat_id, quantity, position)""")
                .params(hold.id(), hold.eventId(), hold.buyerId(), hold.buyerEmail(), hold.status().name(),
                        hold.quantity(), Timestamp.from(hold.createdAt()), Timestamp.from(hold.expiresAt()),
                        hold.id(), items.stream().map(HoldItem::sectionId).toArray(UUID[]::new),
                        items.stream().map(HoldItem::seatId).toArray(UUID[]::new),
                        items.stream().map(HoldItem::quantity).toArray(Integer[]::new))
                .update();
    }

    Optional<Hold> find(UUID holdId) {
        return jdbc.sql("SELECT * FROM hold WHERE id = ?").param(holdId).query(this::hold).optional().map(this::withItems);
    }

    Optional<Hold> findForUpdate(UUID holdId) {
        return jdbc.sql("SELECT * FROM hold WHERE id = ? FOR UPDATE").param(holdId).query(this::hold).optional()
                .map(this::withItems);
    }

    /**
     * Applies an ending the hold decided on. Conditional on it still being ACTIVE (and, for expiry, on being past its
     * expiry), so of several callers racing to end one hold exactly one succeeds: false for the others.
     */
    boolean end(HoldEnding ending) {
        Timestamp at = Timestamp.from(ending.at());
        return jdbc.sql("""
                UPDATE hold SET status = ?, ended_at = ?
                 WHERE id = ? AND status = 'ACTIVE' AND (NOT ? OR expires_at <= ?)""")
                .params(ending.to().name(), at, ending.holdId(), ending.onlyIfExpired(), at).update() == 1;
    }

    /** Claims up to {@code limit} expired active holds; rows another sweeper has claimed are skipped, not waited for. */
    List<UUID> claimExpired(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM hold WHERE status = 'ACTIVE' AND expires_at <= ?
                 ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), limit).query(UUID.class).list();
    }

    /** The event's active holds, locked in id order. */
    List<UUID> activeOfEvent(UUID eventId) {
        return jdbc.sql("SELECT id FROM hold WHERE event_id = ? AND status = 'ACTIVE' ORDER BY id FOR UPDATE")
                .param(eventId).query(UUID.class).list();
    }

    /**
     * The hold's row, without its items: a row mapper must not query (outside a transaction the nested query takes
     * a second pooled connection while the first is still held, and a burst of reads then deadlocks the pool).
     */
    private Hold hold(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Timestamp ended = rs.getTimestamp("ended_at");
        return new Hold(id, rs.getObject("event_id", UUID.class), rs.getObject("buyer_id", UUID.class),
                rs.getString("buyer_email"), HoldStatus.valueOf(rs.getString("status")), rs.getInt("quantity"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                ended == null ? null : ended.toInstant(), List.of());
    }

    private Hold withItems(Hold hold) {
        return new Hold(hold.id(), hold.eventId(), hold.buyerId(), hold.buyerEmail(), hold.status(), hold.quantity(),
                hold.createdAt(), hold.expiresAt(), hold.endedAt(), items(hold.id()));
    }

    private List<HoldItem> items(UUID holdId) {
        return new ArrayList<>(jdbc.sql("SELECT section_id, seat_id, quantity FROM hold_item WHERE hold_id = ? ORDER BY position")
                .param(holdId)
                .query((rs, row) -> new HoldItem(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getInt(3)))
                .list());
    }
}
