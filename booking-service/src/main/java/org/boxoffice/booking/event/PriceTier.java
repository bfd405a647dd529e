package org.boxoffice.booking.event;

import java.util.Currency;
import java.util.UUID;

/** The price of every ticket in one section or area of an event, in integer minor units of the event's currency. */
public record PriceTier(UUID id, UUID eventId, UUID sectionId, String name, long amountMinor, Currency currency) {

    public PriceTier {
        if (amountMinor < 0) {
            throw new IllegalArgumentException("a price is never negative");
        }
    }
}
