package org.boxoffice.booking.messaging;

import org.boxoffice.platform.events.Outbox;
import org.springframework.stereotype.Component;

/**
 * Announces booking's changes. Each call appends one row to the outbox and must run inside the transaction of the
 * change it announces (the outbox refuses otherwise), so an event exists if and only if its change committed.
 */
@Component
public class BookingEvents {

    private final Outbox outbox;

    BookingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void announce(Published event) {
        outbox.append(event.getClass().getSimpleName(), event.version(), event.key(), event);
    }
}
