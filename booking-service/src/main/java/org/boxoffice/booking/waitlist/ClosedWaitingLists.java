package org.boxoffice.booking.waitlist;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.event.EventCancelled;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A cancelled event closes its waiting list in the cancelling transaction, before its holds are released and its
 * orders cancelled (those listeners come after): with nobody waiting any more, the tickets they give back are not
 * offered to anyone. Open offers are withdrawn and their tickets freed (the event's cached availability is
 * forgotten after commit by the holds' listener).
 */
@Component
class ClosedWaitingLists {

    private final WaitingListStatements statements;
    private final Offers offers;
    private final Clock clock;

    ClosedWaitingLists(WaitingListStatements statements, Offers offers, Clock clock) {
        this.statements = statements;
        this.offers = offers;
        this.clock = clock;
    }

    @EventListener
    @Order(0)
    void on(EventCancelled cancelled) {
        Instant now = clock.instant();
        statements.closeWaiting(cancelled.eventId(), now);
        for (UUID offerId : statements.openOffersOf(cancelled.eventId())) {
            offers.end(offerId, OfferStatus.WITHDRAWN, now);
        }
    }
}
