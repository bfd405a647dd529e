package org.boxoffice.booking.hold;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.inventory.Inventory;
import org.boxoffice.booking.promo.CodeRedemption;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Holds on seats the buyer chose: first checks them cheaply (unknown seats, seats already taken), then takes the
 * seats' Redisson locks, then runs the {@link HoldFence} transaction.
 */
@Component
class SpecificSeatHolds {

    private final Inventory inventory;
    private final SeatLocks locks;
    private final HoldFence fence;
    private final HoldAdmission admission;

    SpecificSeatHolds(Inventory inventory, SeatLocks locks, HoldFence fence, HoldAdmission admission) {
        this.inventory = inventory;
        this.locks = locks;
        this.fence = fence;
        this.admission = admission;
    }

    HoldFence.Taken hold(EventService.Listing listing, UUID buyerId, String buyerEmail, List<UUID> seatIds,
            @Nullable String accessCode, Instant now) {
        Event event = listing.event();
        Set<UUID> distinct = new HashSet<>();
        for (int i = 0; i < seatIds.size(); i++) {
            if (!distinct.add(seatIds.get(i))) {
                throw new InvalidHoldRequest("seatIds[" + i + "]", "seat " + seatIds.get(i) + " is listed twice");
            }
        }
        Map<UUID, Inventory.SeatState> states = inventory.lookup(event.id(), seatIds);
        List<UUID> unknown = seatIds.stream().filter(id -> !states.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new UnknownSeats(unknown, event.id());
        }
        List<UUID> taken = seatIds.stream().filter(id -> !states.get(id).available()).toList();
        if (!taken.isEmpty()) {
            throw new SeatsUnavailable(taken);
        }
        Map<UUID, UUID> sections = new HashMap<>();
        states.forEach((seat, state) -> sections.put(seat, state.sectionId()));
        CodeRedemption.Accepted presale = admission.require(listing, accessCode, sections.values().stream()
                .distinct().map(sectionId -> HoldAdmission.section(listing, sectionId)).toList(), now);
        return lockedFence(event, buyerId, buyerEmail, seatIds, sections, presale, now);
    }

    /**
     * Takes the seats' locks and runs the fence. If the locks stay contended past the wait, the seats are looked at
     * again: any taken meanwhile are reported; if none were, the fence alone decides (it is correct without a lock).
     */
    private HoldFence.Taken lockedFence(Event event, UUID buyerId, String buyerEmail, List<UUID> seatIds,
            Map<UUID, UUID> sections, CodeRedemption.@Nullable Accepted presale, Instant now) {
        try {
            return locks.withSeats(event.id(), seatIds,
                    () -> fence.holdSeats(event, buyerId, buyerEmail, seatIds, sections, presale, now));
        } catch (SeatLocks.Contended contended) {
            List<UUID> taken = inventory.lookup(event.id(), seatIds).values().stream()
                    .filter(state -> !state.available()).map(Inventory.SeatState::seatId).toList();
            if (!taken.isEmpty()) {
                throw new SeatsUnavailable(taken);
            }
            return fence.holdSeats(event, buyerId, buyerEmail, seatIds, sections, presale, now);
        }
    }
}
