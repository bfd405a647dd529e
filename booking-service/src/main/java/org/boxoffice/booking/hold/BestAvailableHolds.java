package org.boxoffice.booking.hold;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventSection;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.inventory.Inventory;
import org.boxoffice.booking.promo.CodeRedemption;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Best-available holds: reads the best few seats of a section and tries blocks of them, best first, each under its
 * seat locks without waiting, so concurrent buyers spread over the next best blocks instead of queueing for the
 * first (docs/booking.md).
 */
@Component
class BestAvailableHolds {

    /** Seats read for best available: enough for many blocks in the best rows, cheap on the partial index. */
    private static final int WINDOW = 64;
    private static final int WIDE_WINDOW = 2_000;
    /** Blocks tried per read, and reads, before a best-available hold answers that the seats went meanwhile. */
    private static final int TRIES = 16;
    private static final int READS = 3;

    private final Inventory inventory;
    private final SeatLocks locks;
    private final HoldFence fence;
    private final HoldGate gate;
    private final HoldAdmission admission;

    BestAvailableHolds(Inventory inventory, SeatLocks locks, HoldFence fence, HoldGate gate, HoldAdmission admission) {
        this.inventory = inventory;
        this.locks = locks;
        this.fence = fence;
        this.gate = gate;
        this.admission = admission;
    }

    HoldFence.Taken hold(EventService.Listing listing, UUID buyerId, String buyerEmail,
            HoldRequest.BestAvailable request, @Nullable String accessCode, Instant now) {
        Event event = listing.event();
        gate.requireBestAvailable(buyerId, event);
        EventSection section = HoldAdmission.section(listing, request.sectionId());
        if (!section.seated()) {
            throw new InvalidHoldRequest("bestAvailable.sectionId",
                    "section " + section.code() + " is general admission; hold a quantity of it instead");
        }
        CodeRedemption.Accepted access = admission.require(listing, accessCode, List.of(section), now);
        int quantity = request.quantity();
        RuntimeException lastTaken = null;
        for (int read = 0; read < READS; read++) {
            Choices choices = choices(event.id(), section.sectionId(), quantity);
            List<List<UUID>> options = choices.options();
            if (options.isEmpty()) {
                throw new CapacityExceeded(section.sectionId(), quantity, choices.available());
            }
            for (List<UUID> seats : options.subList(0, Math.min(options.size(), TRIES))) {
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
        int window = Math.max(WINDOW, quantity * 16);
        List<Inventory.Candidate> candidates = inventory.bestAvailable(eventId, sectionId, window);
        List<List<UUID>> options = BestAvailable.options(candidates, quantity);
        if (candidates.size() == window && options.size() <= 1) {
            candidates = inventory.bestAvailable(eventId, sectionId, WIDE_WINDOW);
            options = BestAvailable.options(candidates, quantity);
        }
        return new Choices(options, candidates.size());
    }
}
