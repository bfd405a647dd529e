package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Ticket-package values whose constructors the domain keeps to itself, for the web slices of other packages. */
public final class TicketExamples {

    private TicketExamples() {
    }

    public static TransferPolicy transferPolicy(UUID eventId, boolean enabled, @Nullable Instant deadline) {
        return new TransferPolicy(eventId, enabled, deadline, Instant.now());
    }

    public static RuntimeException linkExpired() {
        return TicketLinkRefused.expired();
    }

    public static RuntimeException linkInvalid() {
        return TicketLinkRefused.invalid();
    }
}
