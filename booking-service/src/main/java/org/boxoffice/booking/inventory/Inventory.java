package org.boxoffice.booking.inventory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-event inventory and the conditional statements that fence it. Every statement that takes or returns
 * tickets states the row's expected prior state in its WHERE clause, so a statement that arrives late (a lost lock,
 * a second sweeper, a retried request) changes nothing instead of changing something twice.
 */
@Repository
@SqlByDesign("The fence: every statement that takes or returns tickets names the row's expected prior "
        + "state in its WHERE clause and counts the rows it changed, set-based over all seats of a hold")
public class Inventory {

    /**
     * The fence's statement. Its plan is the primary key, two index probes; it depends on the planner knowing how many
     * seats an event has, which is why publishing refreshes the statistics (EventInventory, docs/booking.md).
     */
    static final String TAKE_SEATS = """
            UPDATE event_seat SET status = 'HELD', hold_id = ?
             WHERE event_id = ? AND seat_id = ANY(?) AND status = 'AVAILABLE'""";

    /** Best available's read: walks the partial index {@code event_seat_best_available} and stops at the limit. */
    static final String BEST_AVAILABLE = """
            SELECT seat_id, row_position, number FROM event_seat
             WHERE event_id = ? AND section_id = ? AND status = 'AVAILABLE'
             ORDER BY row_position, number LIMIT ?""";

    private final JdbcClient jdbc;
    private final AreaStripes stripes;
    private final OfferedTickets offered;

    Inventory(JdbcClient jdbc, AreaStripes stripes, OfferedTickets offered) {
        this.jdbc = jdbc;
        this.stripes = stripes;
        this.offered = offered;
    }

    /** A seat of the event, its section and where it stands. */
    public record SeatState(UUID seatId, UUID sectionId, SeatStatus status) {

        public boolean available() {
            return status == SeatStatus.AVAILABLE;
        }
    }

    /** An available seat and where it is in its section, for best available. */
    public record Candidate(UUID seatId, int rowPosition, int number) {
    }

    /** The event's seats among {@code seatIds}; an id that is not a seat of the event is missing from the map. */
    public Map<UUID, SeatState> lookup(UUID eventId, List<UUID> seatIds) {
        Map<UUID, SeatState> states = new HashMap<>();
        jdbc.sql("SELECT seat_id, section_id, status FROM event_seat WHERE event_id = ? AND seat_id = ANY(?)")
                .params(eventId, seatIds.toArray(UUID[]::new))
                .query((rs, row) -> new SeatState(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        SeatStatus.valueOf(rs.getString(3))))
                .list().forEach(state -> states.put(state.seatId(), state));
        return states;
    }

    /**
     * The fence for seats: marks the seats HELD by the hold only where they are still AVAILABLE. Returns how many
     * rows changed; anything short of all of them means another hold got there first.
     */
    public int takeSeats(UUID eventId, UUID holdId, List<UUID> seatIds) {
        return jdbc.sql(TAKE_SEATS).params(holdId, eventId, seatIds.toArray(UUID[]::new)).update();
    }

    /** Those of {@code seatIds} that the hold does not have. */
    public List<UUID> notHeldBy(UUID eventId, UUID holdId, List<UUID> seatIds) {
        return jdbc.sql("""
                SELECT seat_id FROM event_seat
                 WHERE event_id = ? AND seat_id = ANY(?) AND hold_id IS DISTINCT FROM ?""")
                .params(eventId, seatIds.toArray(UUID[]::new), holdId).query(UUID.class).list();
    }

    /**
     * The best {@code limit} available seats of a section: rows from the stage outwards, then by number. Walks the
     * partial index {@code event_seat_best_available} and stops after {@code limit} rows, however large the section.
     */
    public List<Candidate> bestAvailable(UUID eventId, UUID sectionId, int limit) {
        return jdbc.sql(BEST_AVAILABLE).params(eventId, sectionId, limit)
                .query((rs, row) -> new Candidate(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3))).list();
    }

    /** Tickets of the section anyone may hold right now: its available seats, or its area's tickets left. */
    public int available(UUID eventId, UUID sectionId) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM event_seat WHERE event_id = ? AND section_id = ? AND status = 'AVAILABLE')
                     + coalesce((SELECT sum(capacity - held - sold) FROM event_area
                                  WHERE event_id = ? AND section_id = ?), 0)""")
                .params(eventId, sectionId, eventId, sectionId).query(Integer.class).single();
    }

    /** The area's tickets left, all its stripes together. */
    public int remaining(UUID eventId, UUID sectionId) {
        return stripes.remaining(eventId, sectionId);
    }

    /**
     * The fence for general admission: takes {@code quantity} of the area's tickets only within its capacity, from
     * its stripes (each a row with its own conditional update, {@link AreaStripes}). False, with nothing changed,
     * when the area has fewer left.
     */
    public boolean takeFromArea(UUID eventId, UUID sectionId, int quantity, InventoryChange change) {
        return stripes.move(eventId, sectionId, quantity, AreaStripes.Move.HOLD, change);
    }

    /**
     * Per-buyer limit: adds the tickets to the buyer's count for the event only if it stays within the limit.
     * Parallel requests of one buyer serialize on this row.
     */
    public boolean reserveAllowance(UUID eventId, UUID buyerId, int tickets, int limit) {
        if (tickets > limit) {
            return false;
        }
        return jdbc.sql("""
                INSERT INTO buyer_allowance (event_id, buyer_id, tickets) VALUES (?, ?, ?)
                ON CONFLICT (event_id, buyer_id) DO UPDATE SET tickets = buyer_allowance.tickets + excluded.tickets
                 WHERE buyer_allowance.tickets + excluded.tickets <= ?""")
                .params(eventId, buyerId, tickets, limit).update() == 1;
    }

    /**
     * Gives back tickets of a hold or order that ended: first to the event's waiting list ({@link WaitingLine}), which
     * keeps those it offers held for the buyer in line; the rest are free again. The buyer's allowance row is updated
     * first, as every hold takes it first: one lock order (allowance, then seats, then area), so a release cannot
     * deadlock with the same buyer's next hold.
     */
    public void returnTickets(Claim claim, SeatStatus from, InventoryChange change) {
        if (from == SeatStatus.AVAILABLE) {
            throw new IllegalArgumentException("only held or sold tickets are given back");
        }
        jdbc.sql("UPDATE buyer_allowance SET tickets = tickets - ? WHERE event_id = ? AND buyer_id = ?")
                .params(claim.tickets(), claim.eventId(), claim.buyerId()).update();
        giveBack(claim, from, change);
    }

    /**
     * Gives back the tickets of a waiting-list offer that ended unclaimed ({@code offer.holdId()} is the offer's id):
     * to the next buyer in line, else free. An offer counted against nobody's allowance, so none is given back.
     */
    public void returnOffered(Claim offer, InventoryChange change) {
        giveBack(offer, SeatStatus.HELD, change);
    }

    /**
     * Takes up to {@code quantity} tickets of the section that are on sale right now, under {@code claimId}, for the
     * waiting list: a line that was passed over (tickets freed while the sale was paused, or as a buyer joined) gets
     * them through {@link #returnOffered}. Empty when none could be taken.
     */
    public java.util.Optional<Claim> takeForLine(UUID eventId, UUID sectionId, int quantity, UUID claimId,
            InventoryChange change) {
        return offered.takeForLine(eventId, sectionId, quantity, claimId, change);
    }

    /** The claiming buyer's new hold takes over an open offer's tickets (they stay held). */
    public void passOfferToHold(UUID eventId, UUID offerId, UUID holdId, int seats) {
        offered.passToHold(eventId, offerId, holdId, seats);
    }

    private void giveBack(Claim claim, SeatStatus from, InventoryChange change) {
        UUID eventId = claim.eventId();
        List<Allotment> left = offered.offerFirst(claim, from, change);
        jdbc.sql("""
                UPDATE event_seat SET status = 'AVAILABLE', hold_id = NULL
                 WHERE hold_id = ? AND event_id = ? AND status = ?
                RETURNING section_id, seat_id""")
                .params(claim.holdId(), eventId, from.name())
                .query((rs, row) -> change.seatFreed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        AreaStripes.Move move = from == SeatStatus.SOLD ? AreaStripes.Move.RETURN_SOLD : AreaStripes.Move.RETURN_HELD;
        for (Allotment item : left) {
            if (!item.seated() && !stripes.move(eventId, item.sectionId(), item.quantity(), move, change)) {
                throw new IllegalStateException("area " + item.sectionId() + " of event " + eventId + " has fewer than "
                        + item.quantity() + " tickets " + from + " to give back");
            }
        }
    }

    /**
     * Turns a hold's held tickets into sold ones (payment confirmed). Conditional on the seats still being HELD by
     * this hold; finding fewer than the hold has means the books disagree, and the exception rolls the confirmation
     * back rather than issue tickets for seats the order does not have.
     */
    public void sell(Claim claim, InventoryChange change) {
        UUID eventId = claim.eventId();
        UUID holdId = claim.holdId();
        long seats = claim.seatIds().size();
        int sold = jdbc.sql("UPDATE event_seat SET status = 'SOLD' WHERE hold_id = ? AND event_id = ? AND status = 'HELD'")
                .params(holdId, eventId).update();
        if (sold != seats) {
            throw new IllegalStateException("hold " + holdId + " has " + seats + " seats but only " + sold + " are held");
        }
        for (Allotment item : claim.items()) {
            if (!item.seated()
                    && !stripes.move(eventId, item.sectionId(), item.quantity(), AreaStripes.Move.SELL_HELD, change)) {
                throw new IllegalStateException("hold " + holdId + " has " + item.quantity() + " tickets of area "
                        + item.sectionId() + " but fewer are held");
            }
        }
    }

    /**
     * Sells a released claim's tickets again, straight to SOLD, through the same fences as a new hold: the buyer's
     * allowance only within {@code perBuyerLimit} (the released hold gave its tickets back, and the buyer may have
     * held or bought others since), every seat only if still AVAILABLE, every area only within capacity.
     * {@link RetakeRefused} when any of them refuses; the caller rolls back to before this call.
     */
    public void retake(Claim claim, int perBuyerLimit, InventoryChange change) {
        UUID eventId = claim.eventId();
        // The allowance first: the same lock order as a hold and a release, and the same conditional upsert.
        if (!reserveAllowance(eventId, claim.buyerId(), claim.tickets(), perBuyerLimit)) {
            throw new RetakeRefused(RetakeRefused.Cause.PER_BUYER_LIMIT, List.of());
        }
        List<UUID> seatIds = claim.seatIds();
        if (!seatIds.isEmpty()) {
            List<UUID> taken = jdbc.sql("""
                    UPDATE event_seat SET status = 'SOLD', hold_id = ?
                     WHERE event_id = ? AND seat_id = ANY(?) AND status = 'AVAILABLE'
                    RETURNING seat_id""").params(claim.holdId(), eventId, seatIds.toArray(UUID[]::new))
                    .query(UUID.class).list();
            if (taken.size() != seatIds.size()) {
                throw new RetakeRefused(RetakeRefused.Cause.TAKEN,
                        seatIds.stream().filter(id -> !taken.contains(id)).toList());
            }
        }
        for (Allotment item : claim.items()) {
            if (!item.seated()) {
                if (!stripes.move(eventId, item.sectionId(), item.quantity(), AreaStripes.Move.SELL_FREE, change)) {
                    throw new RetakeRefused(RetakeRefused.Cause.TAKEN, List.of());
                }
            } else {
                change.seatTaken(item.sectionId(), item.seatId());
            }
        }
    }
}
