package org.boxoffice.booking.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tickets on their way back to the inventory that the waiting list takes first (docs/commerce.md, "Sold-out waiting
 * list"). An offered ticket stays taken exactly like a held one — a seat {@code HELD} with {@code hold_id} naming the
 * offer, an area ticket in its stripe's {@code held} count — so the hold path's fence keeps everyone else off it
 * without a statement more; only the claiming buyer's hold takes it over ({@link #passToHold}).
 */
@Repository
@SqlByDesign("Moves given-back tickets to waiting-list offers with conditional statements that must change exactly "
        + "the tickets offered, in the transaction that gives them back")
class OfferedTickets {

    private final JdbcClient jdbc;
    private final AreaStripes stripes;
    private final WaitingLine line;

    OfferedTickets(JdbcClient jdbc, AreaStripes stripes, WaitingLine line) {
        this.jdbc = jdbc;
        this.stripes = stripes;
        this.line = line;
    }

    /**
     * Offers the claim's tickets to the waiting list and moves those offered to their offers; answers what is left
     * to give back (all of the claim's seats not offered still carry its id; area quantities are reduced).
     */
    List<Allotment> offerFirst(Claim claim, SeatStatus from, InventoryChange change) {
        List<WaitingLine.Offer> offers = line.offer(claim.eventId(), claim.items());
        if (offers.isEmpty()) {
            return claim.items();
        }
        Map<UUID, Integer> areaOffered = new LinkedHashMap<>();
        for (WaitingLine.Offer offer : offers) {
            if (offer.seated()) {
                int moved = jdbc.sql("""
                        UPDATE event_seat SET status = 'HELD', hold_id = ?
                         WHERE event_id = ? AND hold_id = ? AND status = ? AND seat_id = ANY(?)""")
                        .params(offer.offerId(), claim.eventId(), claim.holdId(), from.name(),
                                offer.seatIds().toArray(UUID[]::new)).update();
                if (moved != offer.seatIds().size()) {
                    throw new IllegalStateException("offer " + offer.offerId() + " of " + offer.seatIds()
                            + " found only " + moved + " of them " + from + " by " + claim.holdId());
                }
            } else {
                if (from == SeatStatus.SOLD && !stripes.move(claim.eventId(), offer.sectionId(), offer.quantity(),
                        AreaStripes.Move.OFFER_SOLD, change)) {
                    throw new IllegalStateException("area " + offer.sectionId() + " has fewer than "
                            + offer.quantity() + " sold tickets to offer");
                }
                areaOffered.merge(offer.sectionId(), offer.quantity(), Integer::sum);
            }
        }
        List<Allotment> left = new ArrayList<>();
        for (Allotment item : claim.items()) {
            int offered = item.seated() ? 0 : areaOffered.getOrDefault(item.sectionId(), 0);
            int part = Math.min(offered, item.quantity());
            if (part > 0) {
                areaOffered.put(item.sectionId(), offered - part);
            }
            if (part < item.quantity()) {
                left.add(item.seated() ? item : Allotment.area(item.sectionId(), item.quantity() - part));
            }
        }
        return left;
    }

    /**
     * Takes up to {@code quantity} of the section's tickets that anyone could hold right now (best seats first, or
     * from the area's stripes) under {@code claimId}, through the same fences as a hold, for the waiting list to be
     * offered them ({@link Inventory#returnOffered}). Empty when none could be taken (others were faster).
     */
    java.util.Optional<Claim> takeForLine(UUID eventId, UUID sectionId, int quantity, UUID claimId,
            InventoryChange change) {
        List<UUID> candidates = jdbc.sql(Inventory.BEST_AVAILABLE).params(eventId, sectionId, quantity)
                .query((rs, row) -> rs.getObject(1, UUID.class)).list();
        if (!candidates.isEmpty()) {
            List<UUID> fenced = jdbc.sql("""
                    UPDATE event_seat SET status = 'HELD', hold_id = ?
                     WHERE event_id = ? AND seat_id = ANY(?) AND status = 'AVAILABLE'
                    RETURNING seat_id""").params(claimId, eventId, candidates.toArray(UUID[]::new))
                    .query(UUID.class).list();
            // Best first, as they were read, so that each buyer in line is offered the best seats left together.
            List<UUID> taken = candidates.stream().filter(fenced::contains).toList();
            taken.forEach(seat -> change.seatTaken(sectionId, seat));
            return taken.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Claim(eventId, claimId,
                    claimId, taken.stream().map(seat -> Allotment.seat(sectionId, seat)).toList()));
        }
        int remaining = stripes.remaining(eventId, sectionId);
        int take = Math.min(quantity, remaining);
        if (take < 1 || !stripes.move(eventId, sectionId, take, AreaStripes.Move.HOLD, change)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Claim(eventId, claimId, claimId, List.of(Allotment.area(sectionId, take))));
    }

    /**
     * The claiming buyer's hold takes over the offer's seats (area tickets stay in the stripes' held count, now the
     * hold's). Must find every seat still held by the offer.
     */
    void passToHold(UUID eventId, UUID offerId, UUID holdId, int seats) {
        int moved = jdbc.sql("UPDATE event_seat SET hold_id = ? WHERE event_id = ? AND hold_id = ? AND status = 'HELD'")
                .params(holdId, eventId, offerId).update();
        if (moved != seats) {
            throw new IllegalStateException("offer " + offerId + " holds " + moved + " seats, not " + seats);
        }
    }
}
