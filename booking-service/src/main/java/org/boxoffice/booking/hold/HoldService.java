package org.boxoffice.booking.hold;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.availability.AvailabilityCache;
import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventSection;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.promo.CodeRedemption;
import org.boxoffice.booking.system.OrganizerAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Buyers' holds: the checks every hold passes (the kill switch, the sale, the per-order limit), then one way of taking
 * the tickets — seats the buyer chose ({@link SpecificSeatHolds}), the best seats of a section
 * ({@link BestAvailableHolds}) or a quantity of a general-admission area (the {@link HoldFence} directly), each with
 * the access code {@link HoldAdmission} asks for. The availability cache is written after commit.
 */
@Service
public class HoldService {

    private final EventService events;
    private final Holds holds;
    private final SpecificSeatHolds specificSeats;
    private final BestAvailableHolds bestAvailable;
    private final HoldAdmission admission;
    private final HoldFence fence;
    private final HoldReleaser releaser;
    private final AvailabilityCache cache;
    private final TransactionTemplate transactions;
    private final HoldGate gate;
    private final Clock clock;

    HoldService(EventService events, Holds holds, SpecificSeatHolds specificSeats, BestAvailableHolds bestAvailable,
            HoldAdmission admission, HoldFence fence, HoldReleaser releaser, AvailabilityCache cache,
            TransactionTemplate transactions, HoldGate gate, Clock clock) {
        this.events = events;
        this.holds = holds;
        this.specificSeats = specificSeats;
        this.bestAvailable = bestAvailable;
        this.admission = admission;
        this.fence = fence;
        this.releaser = releaser;
        this.cache = cache;
        this.transactions = transactions;
        this.gate = gate;
        this.clock = clock;
    }

    public Hold hold(UUID buyerId, String buyerEmail, HoldRequest request) {
        return hold(buyerId, buyerEmail, request, null);
    }

    /**
     * A hold, with an access code: before the sale opens (the pre-sale), or for a hidden tier at any time, a valid
     * access code that covers the tickets admits the buyer and takes one of its uses in the hold's transaction (given
     * back if the hold or its order ends without the tickets). Where no code is needed (the sale is open, the tiers
     * listed) a code sent is not used. A hidden tier without a code does not exist for the buyer. Without a code and
     * a hidden tier, nothing here reads or writes a code.
     */
    public Hold hold(UUID buyerId, String buyerEmail, HoldRequest request, @Nullable String accessCode) {
        EventService.Listing listing = events.listing(request.eventId());
        Event event = listing.event();
        gate.requireOpen(buyerId, event);
        Instant now = clock.instant();
        event.requireOnSale(now, accessCode != null);
        if (request.quantity() < 1) {
            throw new InvalidHoldRequest("quantity", "must be at least 1");
        }
        if (request.quantity() > event.maxPerOrder()) {
            throw new TicketLimitExceeded(TicketLimitExceeded.Rule.PER_ORDER, event.maxPerOrder(), request.quantity());
        }
        HoldFence.Taken taken = switch (request) {
            case HoldRequest.SpecificSeats seats -> specificSeats.hold(listing, buyerId, buyerEmail, seats.seatIds(),
                    accessCode, now);
            case HoldRequest.BestAvailable best -> bestAvailable.hold(listing, buyerId, buyerEmail, best, accessCode,
                    now);
            case HoldRequest.GeneralAdmission area -> holdArea(listing, buyerId, buyerEmail, area, accessCode, now);
        };
        cache.apply(taken.change());
        return taken.hold();
    }

    private HoldFence.Taken holdArea(EventService.Listing listing, UUID buyerId, String buyerEmail,
            HoldRequest.GeneralAdmission request, @Nullable String accessCode, Instant now) {
        Event event = listing.event();
        EventSection section = HoldAdmission.section(listing, request.sectionId());
        if (section.seated()) {
            throw new InvalidHoldRequest("generalAdmission.sectionId",
                    "section " + section.code() + " has numbered seats; hold seats or best available instead");
        }
        CodeRedemption.Accepted access = admission.require(listing, accessCode, List.of(section), now);
        return fence.holdArea(event, buyerId, buyerEmail, section.sectionId(), request.quantity(), access, now);
    }

    /** The buyer's own hold; another buyer's hold does not exist for them. */
    public Hold get(UUID buyerId, UUID holdId) {
        return holds.find(holdId).filter(hold -> hold.heldBy(buyerId))
                .orElseThrow(() -> new HoldNotFound(holdId));
    }

    /** The buyer gives the hold up before it expires. */
    public Hold release(UUID buyerId, UUID holdId) {
        Hold hold = get(buyerId, holdId);
        return end(hold, ReleaseReason.BUYER);
    }

    /** An organizer releases a hold on one of their events. */
    public Hold releaseForOrganizer(OrganizerAccess access, UUID eventId, UUID holdId) {
        events.get(access, eventId);
        Hold hold = holds.find(holdId).filter(h -> h.eventId().equals(eventId))
                .orElseThrow(() -> new HoldNotFound(holdId));
        return end(hold, ReleaseReason.ORGANIZER);
    }

    private Hold end(Hold hold, ReleaseReason reason) {
        HoldEnding ending = hold.release(reason, clock.instant());
        var change = transactions.execute(status -> releaser.release(ending, reason));
        if (change == null || change.isEmpty()) {
            Hold current = holds.find(hold.id()).orElseThrow();
            throw new HoldNotActive(hold.id(), current.status());
        }
        cache.apply(change.get());
        return holds.find(hold.id()).orElseThrow();
    }
}
