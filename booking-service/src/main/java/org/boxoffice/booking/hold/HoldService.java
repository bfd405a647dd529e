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
    private final Clock clock;

    HoldService(EventService events, Holds holds, Inventory inventory, SeatLocks locks, HoldFence fence,
            HoldReleaser releaser, AvailabilityCache cache, TransactionTemplate transactions, CodeRedemption codes,
            Clock clock) {
        this.events = events;
        this.holds = holds;
        this.inventory = inventory;
        this.locks = locks;
        this.fence = fence;
        this.releaser = releaser;
        this.cache = cache;
        this.transactions = transactions;
        this.codes = codes;
        this.clock = clock;
    }

    public Hold hold(UUID buyerId, String buyerEmail, HoldRequest request) {
        return hold(buyerId, buyerEmail, request, null);
    }

    /**
     * A hold, with an access code for the pre-sale: before the sale opens, a valid access code admits the buyer to the
     * tickets it opens and takes one of its uses in the hold's transaction (given back if the hold or its order ends
     * without the tickets). Once the sale is open the code is not needed and not used. Without a code, nothing here
     * reads or writes a code.
     */
    public Hold hold(UUID buyerId, String buyerEmail, HoldRequest request, @Nullable String accessCode) {
        EventService.Listing listing = events.listing(request.eventId());
        Event event = listing.event();
        Instant now = clock.instant();
        CodeRedemption.Accepted presale = accessCode != null && event.beforeSaleOpens(now)
                ? codes.access(event, accessCode, now) : null;
        event.requireOnSale(now, presale != null);
        if (request.quantity() < 1) {
            throw new InvalidHoldRequest("quantity", "must be at least 1");
        }
        if (request.quantity() > event.maxPerOrder()) {
            throw new TicketLimitExceeded(TicketLimitExceeded.Rule.PER_ORDER, event.maxPerOrder(), request.quantity());
        }
        HoldFence.Taken taken = switch (request) {
            case HoldRequest.SpecificSeats seats -> holdSeats(listing, buyerId, buyerEmail, seats.seatIds(), presale,
                    now);
            case HoldRequest.BestAvailable best -> holdBestAvailable(listing, buyerId, buyerEmail, best, presale, now);
            case HoldRequest.GeneralAdmission area -> holdArea(listing, buyerId, buyerEmail, area, presale, now);
        };
        cache.apply(taken.change());
        return taken.hold();
    }

    private HoldFence.Taken holdSeats(EventService.Listing listing, UUID buyerId, String buyerEmail,
            List<UUID> seatIds, CodeRedemption.@Nullable Accepted presale, Instant now) {
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
        if (presale != null) {
            presale.requireCovers(sections.values().stream().distinct()
                    .map(sectionId -> ticketed(section(listing, sectionId))).toList());
        }
        return lockedFence(event, buyerId, buyerEmail, seatIds, sections, presale, now);
    }

    private static PromoCode.Ticketed ticketed(EventSection section) {
        return new PromoCode.Ticketed(section.sectionId(), section.tier());
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
            HoldRequest.BestAvailable request, CodeRedemption.@Nullable Accepted presale, Instant now) {
        Event event = listing.event();
        EventSection section = section(listing, request.sectionId());
        if (!section.seated()) {
            throw new InvalidHoldRequest("bestAvailable.sectionId",
                    "section " + section.code() + " is general admission; hold a quantity of it instead");
        }
        if (presale != null) {
            presale.requireCovers(List.of(ticketed(section)));
        }
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
                            () -> fence.holdSeats(event, buyerId, buyerEmail, seats, sections, presale, now));
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
            HoldRequest.GeneralAdmission request, CodeRedemption.@Nullable Accepted presale, Instant now) {
        Event event = listing.event();
        EventSection section = section(listing, request.sectionId());
        if (section.seated()) {
            throw new InvalidHoldRequest("generalAdmission.sectionId",
                    "section " + section.code() + " has numbered seats; hold seats or best available instead");
        }
        if (presale != null) {
            presale.requireCovers(List.of(ticketed(section)));
        }
        return fence.holdArea(event, buyerId, buyerEmail, section.sectionId(), request.quantity(), presale, now);
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
