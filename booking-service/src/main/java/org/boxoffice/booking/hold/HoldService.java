package org.boxoffice.booking.hold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.booking.availability.AvailabilityCache;
import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventSection;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.inventory.Inventory;
import org.boxoffice.booking.promo.CodeRedemption;
import org.boxoffice.booking.promo.PromoCode;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.venue.SectionNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Buyers' holds. A hold on specific seats first checks them cheaply (unknown seats, seats already taken), then takes
 * the seats' Redisson locks, then runs the {@link HoldFence} transaction. Best available reads the best few seats
 * and tries blocks of them, best first, each under its seat locks without waiting, so concurrent buyers spread over
 * the next best blocks instead of queueing for the first (docs/booking.md). The availability cache is written after
 * commit.
 */
@Service
public class HoldService {

    /** Seats read for best available: enough for many blocks in the best rows, cheap on the partial index. */
    private static final int BEST_AVAILABLE_WINDOW = 64;
    private static final int BEST_AVAILABLE_WIDE_WINDOW = 2_000;
    /** Blocks tried per read, and reads, before a best-available hold answers that the seats went meanwhile. */
    private static final int BEST_AVAILABLE_TRIES = 16;
    private static final int BEST_AVAILABLE_READS = 3;

    private final EventService events;
    private final Holds holds;
    private final Inventory inventory;
    private final SeatLocks locks;
    private final HoldFence fence;
    private final HoldReleaser releaser;
    private final AvailabilityCache cache;
    private final TransactionTemplate transactions;
    private final CodeRedemption codes;
    private final HoldGate gate;
    private final Clock clock;

    HoldService(EventService events, Holds holds, Inventory inventory, SeatLocks locks, HoldFence fence,
            HoldReleaser releaser, AvailabilityCache cache, TransactionTemplate transactions, CodeRedemption codes,
            HoldGate gate, Clock clock) {
        this.events = events;
        this.holds = holds;
        this.inventory = inventory;
        this.locks = locks;
        this.fence = fence;
        this.releaser = releaser;
        this.cache = cache;
        this.transactions = transactions;
        this.codes = codes;
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
            case HoldRequest.SpecificSeats seats -> holdSeats(listing, buyerId, buyerEmail, seats.seatIds(),
                    accessCode, now);
            case HoldRequest.BestAvailable best -> holdBestAvailable(listing, buyerId, buyerEmail, best, accessCode,
                    now);
            case HoldRequest.GeneralAdmission area -> holdArea(listing, buyerId, buyerEmail, area, accessCode, now);
        };
        cache.apply(taken.change());
        return taken.hold();
    }

    private HoldFence.Taken holdSeats(EventService.Listing listing, UUID buyerId, String buyerEmail,
            List<UUID> seatIds, @Nullable String accessCode, Instant now) {
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
        CodeRedemption.Accepted presale = admission(listing, accessCode, sections.values().stream().distinct()
                .map(sectionId -> section(listing, sectionId)).toList(), now);
        return lockedFence(event, buyerId, buyerEmail, seatIds, sections, presale, now);
    }

    /**
     * The access code the hold needs, checked against its sections: none when the sale is open and every section is
     * listed; else the code, which must be valid and cover every section (a hidden section without a code is not
     * found, as if it did not exist).
     */
    private CodeRedemption.@Nullable Accepted admission(EventService.Listing listing, @Nullable String accessCode,
            List<EventSection> sections, Instant now) {
        Event event = listing.event();
        boolean presale = event.beforeSaleOpens(now);
        if (!presale && sections.stream().noneMatch(EventSection::hidden)) {
            return null;
        }
        if (accessCode == null) {
            throw new SectionNotFound(sections.stream().filter(EventSection::hidden).findFirst().orElseThrow()
                    .sectionId());
        }
        CodeRedemption.Accepted access = codes.access(event, accessCode, now);
        access.requireCovers(sections.stream()
                .map(section -> new PromoCode.Ticketed(section.sectionId(), section.tier())).toList());
        return access;
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

    private HoldFence.Taken holdBestAvailable(EventService.Listing listing, UUID buyerId, String buyerEmail,
            HoldRequest.BestAvailable request, @Nullable String accessCode, Instant now) {
        Event event = listing.event();
        gate.requireBestAvailable(buyerId, event);
        EventSection section = section(listing, request.sectionId());
        if (!section.seated()) {
            throw new InvalidHoldRequest("bestAvailable.sectionId",
                    "section " + section.code() + " is general admission; hold a quantity of it instead");
        }
        CodeRedemption.Accepted access = admission(listing, accessCode, List.of(section), now);
        int quantity = request.quantity();
        RuntimeException lastTaken = null;
        for (int read = 0; read < BEST_AVAILABLE_READS; read++) {
            Choices choices = choices(event.id(), section.sectionId(), quantity);
            List<List<UUID>> options = choices.options();
            if (options.isEmpty()) {
                throw new CapacityExceeded(section.sectionId(), quantity, choices.available());
            }
            for (List<UUID> seats : options.subList(0, Math.min(options.size(), BEST_AVAILABLE_TRIES))) {
                Map<UUID, UUID> sections = new HashMap<>();
                seats.forEach(seat -> sections.put(seat, section.sectionId()));
                try {
                    // No waiting: a block whose locks are taken is being sold right now; the next one is as good.
                    return locks.withSeats(event.id(), seats, Duration.ZERO,
                            () -> fence.holdSeats(event, buyerId, buyerEmail, seats, sections, access, now));
                } catch (SeatLocks.Contended contended) {
                    lastTaken = new SeatsUnavailable(seats);
                } catch (SeatsUnavailable taken) {
                    // Taken after our read: the next block, or a fresh read once these are used up.
                    lastTaken = taken;
                }
            }
        }
        throw lastTaken;
    }

    /** Blocks to try, best first, and how many available seats they were chosen from. */
    private record Choices(List<List<UUID>> options, int available) {
    }

    /**
     * The blocks to try among a window of the best available seats, or among a wider one when the window has no
     * block of adjacent seats (a fragmented front section) while more seats are available behind it.
     */
    private Choices choices(UUID eventId, UUID sectionId, int quantity) {
        int window = Math.max(BEST_AVAILABLE_WINDOW, quantity * 16);
        List<Inventory.Candidate> candidates = inventory.bestAvailable(eventId, sectionId, window);
        List<List<UUID>> options = BestAvailable.options(candidates, quantity);
        if (candidates.size() == window && options.size() <= 1) {
            candidates = inventory.bestAvailable(eventId, sectionId, BEST_AVAILABLE_WIDE_WINDOW);
            options = BestAvailable.options(candidates, quantity);
        }
        return new Choices(options, candidates.size());
    }

    private HoldFence.Taken holdArea(EventService.Listing listing, UUID buyerId, String buyerEmail,
            HoldRequest.GeneralAdmission request, @Nullable String accessCode, Instant now) {
        Event event = listing.event();
        EventSection section = section(listing, request.sectionId());
        if (section.seated()) {
            throw new InvalidHoldRequest("generalAdmission.sectionId",
                    "section " + section.code() + " has numbered seats; hold seats or best available instead");
        }
        CodeRedemption.Accepted access = admission(listing, accessCode, List.of(section), now);
        return fence.holdArea(event, buyerId, buyerEmail, section.sectionId(), request.quantity(), access, now);
    }

    private static EventSection section(EventService.Listing listing, UUID sectionId) {
        return listing.section(sectionId).orElseThrow(() -> new SectionNotFound(sectionId));
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
