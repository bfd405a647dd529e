package org.boxoffice.booking.order;

import java.util.UUID;

/** A payment payment-service took for an order: its id and what it captured, in the order's minor units. */
public record Payment(UUID id, long amountMinor) {

    public Payment {
        if (amountMinor < 0) {
            throw new IllegalArgumentException("a payment captures no negative amount: " + amountMinor);
        }
    }
}
