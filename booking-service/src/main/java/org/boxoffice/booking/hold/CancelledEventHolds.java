package org.boxoffice.booking.hold;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.availability.AvailabilityCache;
import org.boxoffice.booking.event.EventCancelled;
import org.boxoffice.platform.transaction.TransactionPhases;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A cancelled event releases its active holds in the cancelling transaction, before its orders are cancelled (the
 * order of the listeners keeps one lock order). The event's cached availability is forgotten once that commits.
 */
@Component
class CancelledEventHolds {

    private final Holds holds;
    private final HoldReleaser releaser;
    private final AvailabilityCache cache;
    private final Clock clock;

    CancelledEventHolds(Holds holds, HoldReleaser releaser, AvailabilityCache cache, Clock clock) {
        this.holds = holds;
        this.releaser = releaser;
        this.cache = cache;
        this.clock = clock;
    }

    @EventListener
    @Order(1)
    void on(EventCancelled cancelled) {
        Instant now = clock.instant();
        for (UUID holdId : holds.activeOfEvent(cancelled.eventId())) {
            releaser.release(HoldEnding.of(holdId, ReleaseReason.ORGANIZER, now), ReleaseReason.ORGANIZER);
        }
        TransactionPhases.afterCommit(() -> cache.invalidate(cancelled.eventId()));
    }
}
