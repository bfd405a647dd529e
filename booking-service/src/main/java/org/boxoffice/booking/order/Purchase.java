package org.boxoffice.booking.order;

import java.util.Currency;
import java.util.UUID;

/** Who buys the tickets of which checked-out hold of which event, paying in the event's currency. */
public record Purchase(UUID eventId, UUID holdId, UUID buyerId, String buyerEmail, Currency currency) {

    public Purchase {
        if (buyerEmail.isBlank()) {
            throw new IllegalArgumentException("an order's tickets go to an address");
        }
    }
}
