package org.boxoffice.booking.waitlist;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.inventory.Allotment;
import org.boxoffice.booking.inventory.Claim;
import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The waiting list's rows. Every change of a place or an offer is a statement guarded on its current status, and
 * the line is read with {@code FOR UPDATE SKIP LOCKED}: of two transactions giving tickets back at once, each offers
 * to a different buyer, and of a claim, a leave and two sweepers meeting on one offer exactly one ends it.
 */
@Repository
@SqlByDesign("The waiting list sits on the hold path's give-backs: the next in line is claimed with FOR UPDATE SKIP "
        + "LOCKED, and places and offers end by status-guarded updates that exactly one caller wins")
class WaitingListStatements {

    /** The first buyer in line whose quantity fits in what was given back; others giving back skip this one. */
    static final String NEXT_WAITING = """
            SELECT id, buyer_id, buyer_email, quantity FROM waiting_list_entry
             WHERE event_id = ? AND section_id = ? AND status = 'WAITING' AND quantity <= ?
             ORDER BY position LIMIT 1 FOR UPDATE SKIP LOCKED""";

    private static final String ENTRY_VIEW = """
            SELECT e.id, e.event_id, e.section_id, e.buyer_id, e.quantity, e.status, e.joined_at,
                   CASE WHEN e.status = 'WAITING' THEN 1 + (SELECT count(*) FROM waiting_list_entry w
                        WHERE w.event_id = e.event_id AND w.section_id = e.section_id AND w.status = 'WAITING'
                          AND w.position < e.position) END AS place,
                   o.id AS offer_id, o.status AS offer_status, o.seat_ids, o.quantity AS offer_quantity,
                   o.offered_at, o.expires_at, o.hold_id
              FROM waiting_list_entry e LEFT JOIN waiting_list_offer o ON o.entry_id = e.id""";

    private final JdbcClient jdbc;

    WaitingListStatements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Waiting(UUID entryId, UUID buyerId, String buyerEmail, int quantity) {
    }

    /** What an offer needs from the event: the list on, the sale open; else nothing is offered. */
    record Offering(int claimMinutes, UUID organizationId, String eventTitle) {
    }

    /** An offer's row: its tickets, as a claim of the offer (the offer's id in place of a hold's). */
    record OfferRow(UUID id, UUID entryId, UUID eventId, UUID sectionId, UUID buyerId, List<UUID> seatIds,
            int quantity, OfferStatus status, Instant expiresAt) {

        Claim claim() {
            List<Allotment> items = seatIds.isEmpty() ? List.of(Allotment.area(sectionId, quantity))
                    : seatIds.stream().map(seat -> Allotment.seat(sectionId, seat)).toList();
            return new Claim(eventId, buyerId, id, items);
        }
    }

    Optional<Waiting> nextWaiting(UUID eventId, UUID sectionId, int atMost) {
        return jdbc.sql(NEXT_WAITING).params(eventId, sectionId, atMost)
                .query((rs, row) -> new Waiting(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getInt(4))).optional();
    }

    Optional<Offering> offering(UUID eventId, Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                SELECT w.claim_minutes, e.organization_id, e.title FROM waiting_list w JOIN event e ON e.id = w.event_id
                 WHERE w.event_id = ? AND w.enabled AND e.status = 'PUBLISHED' AND e.on_sale_at <= ? AND e.off_sale_at > ?""")
                .params(eventId, at, at)
                .query((rs, row) -> new Offering(rs.getInt(1), rs.getObject(2, UUID.class), rs.getString(3)))
                .optional();
    }

    void insertOffer(UUID offerId, Waiting entry, UUID eventId, UUID sectionId, List<UUID> seatIds, int quantity,
            Instant now, Instant expiresAt) {
        jdbc.sql("""
                INSERT INTO waiting_list_offer (id, entry_id, event_id, section_id, buyer_id, seat_ids, quantity, status,
                                                offered_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?::uuid[], ?, 'OPEN', ?, ?)""")
                .params(offerId, entry.entryId(), eventId, sectionId, entry.buyerId(), seatIds.toArray(UUID[]::new),
                        quantity, Timestamp.from(now), Timestamp.from(expiresAt)).update();
        if (!moveEntry(entry.entryId(), EntryStatus.WAITING, EntryStatus.OFFERED, null)) {
            throw new IllegalStateException("entry " + entry.entryId() + " was claimed but is no longer waiting");
        }
    }

    /** Moves a place from one status to another; false if it was not in {@code from} any more. */
    boolean moveEntry(UUID entryId, EntryStatus from, EntryStatus to, @Nullable Instant endedAt) {
        return jdbc.sql("UPDATE waiting_list_entry SET status = ?, ended_at = ? WHERE id = ? AND status = ?")
                .params(to.name(), endedAt == null ? null : Timestamp.from(endedAt), entryId, from.name())
                .update() == 1;
    }

    /** A new place at the end of the line; empty if the buyer already has a live place in this section's line. */
    Optional<UUID> join(UUID eventId, UUID sectionId, UUID buyerId, String buyerEmail, int quantity, Instant now) {
        return jdbc.sql("""
                INSERT INTO waiting_list_entry (id, event_id, section_id, buyer_id, buyer_email, quantity, status, joined_at)
                VALUES (?, ?, ?, ?, ?, ?, 'WAITING', ?)
                ON CONFLICT (event_id, section_id, buyer_id) WHERE status IN ('WAITING', 'OFFERED') DO NOTHING
                RETURNING id""")
                .params(UUID.randomUUID(), eventId, sectionId, buyerId, buyerEmail, quantity, Timestamp.from(now))
                .query(UUID.class).optional();
    }

    Optional<Entry> entry(UUID entryId) {
        return jdbc.sql(ENTRY_VIEW + " WHERE e.id = ?").param(entryId).query(WaitingListStatements::entry).optional();
    }

    /** The buyer's places, newest first (at most 100), optionally of one event. */
    List<Entry> entriesOf(UUID buyerId, @Nullable UUID eventId) {
        return jdbc.sql(ENTRY_VIEW + " WHERE e.buyer_id = ? AND (?::uuid IS NULL OR e.event_id = ?)"
                + " ORDER BY e.joined_at DESC LIMIT 100").params(buyerId, eventId, eventId)
                .query(WaitingListStatements::entry).list();
    }

    /** The entry's offer, locked: a claim, a leave and the sweepers serialize on it. */
    Optional<OfferRow> offerOfEntryForUpdate(UUID entryId) {
        return jdbc.sql("SELECT * FROM waiting_list_offer WHERE entry_id = ? FOR UPDATE").param(entryId)
                .query(WaitingListStatements::offer).optional();
    }

    Optional<OfferRow> offer(UUID offerId) {
        return jdbc.sql("SELECT * FROM waiting_list_offer WHERE id = ?").param(offerId)
                .query(WaitingListStatements::offer).optional();
    }

    /**
     * Ends an open offer (an expiry only once it is past {@code expires_at}); false if it had ended already, so of
     * every caller racing to end it exactly one does.
     */
    boolean endOffer(UUID offerId, OfferStatus to, Instant now, @Nullable UUID holdId) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                UPDATE waiting_list_offer SET status = ?, ended_at = ?, hold_id = ?
                 WHERE id = ? AND status = 'OPEN' AND (? <> 'EXPIRED' OR expires_at <= ?)""")
                .params(to.name(), at, holdId, offerId, to.name(), at).update() == 1;
    }

    /** Claims up to {@code limit} expired open offers; rows another sweeper has claimed are skipped. */
    List<UUID> claimExpired(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM waiting_list_offer WHERE status = 'OPEN' AND expires_at <= ?
                 ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), limit).query(UUID.class).list();
    }

    /** The event's open offers, locked in id order. */
    List<UUID> openOffersOf(UUID eventId) {
        return jdbc.sql("SELECT id FROM waiting_list_offer WHERE event_id = ? AND status = 'OPEN' ORDER BY id FOR UPDATE")
                .param(eventId).query(UUID.class).list();
    }

    /** Ends every waiting place of the event's line (the list was turned off or the event cancelled). */
    int closeWaiting(UUID eventId, Instant now) {
        return jdbc.sql("UPDATE waiting_list_entry SET status = 'CLOSED', ended_at = ? WHERE event_id = ? AND status = 'WAITING'")
                .params(Timestamp.from(now), eventId).update();
    }

    /** A section whose line has buyers waiting: the smallest and the total quantity they wait for. */
    record Line(UUID eventId, UUID sectionId, int smallest, int total) {
    }

    /** The sections with buyers waiting, of events whose list is on and whose sale is open. */
    List<Line> waitingLines(Instant now, int limit) {
        Timestamp at = Timestamp.from(now);
        return jdbc.sql("""
                SELECT e.event_id, e.section_id, min(e.quantity), sum(e.quantity)
                  FROM waiting_list_entry e
                  JOIN waiting_list w ON w.event_id = e.event_id AND w.enabled
                  JOIN event ev ON ev.id = e.event_id AND ev.status = 'PUBLISHED' AND ev.on_sale_at <= ?
                                AND ev.off_sale_at > ?
                 WHERE e.status = 'WAITING' GROUP BY e.event_id, e.section_id LIMIT ?""")
                .params(at, at, limit)
                .query((rs, row) -> new Line(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getInt(4))).list();
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        Object place = rs.getObject("place");
        Entry.Offer offer = null;
        if (rs.getObject("offer_id") != null) {
            offer = new Entry.Offer(rs.getObject("offer_id", UUID.class), OfferStatus.valueOf(rs.getString("offer_status")),
                    uuids(rs), rs.getInt("offer_quantity"), rs.getTimestamp("offered_at").toInstant(),
                    rs.getTimestamp("expires_at").toInstant(), rs.getObject("hold_id", UUID.class));
        }
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getObject("section_id", UUID.class), rs.getObject("buyer_id", UUID.class), rs.getInt("quantity"),
                EntryStatus.valueOf(rs.getString("status")), place == null ? null : ((Number) place).longValue(),
                rs.getTimestamp("joined_at").toInstant(), offer);
    }

    private static OfferRow offer(ResultSet rs, int row) throws SQLException {
        return new OfferRow(rs.getObject("id", UUID.class), rs.getObject("entry_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getObject("section_id", UUID.class),
                rs.getObject("buyer_id", UUID.class), uuids(rs), rs.getInt("quantity"),
                OfferStatus.valueOf(rs.getString("status")), rs.getTimestamp("expires_at").toInstant());
    }

    private static List<UUID> uuids(ResultSet rs) throws SQLException {
        java.sql.Array array = rs.getArray("seat_ids");
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }
}
