package org.boxoffice.booking.event;

import java.util.UUID;

/**
 * A price for one section of the venue, in minor units of the event's currency; a {@code hidden} tier is not listed to
 * buyers and sells only to holders of an access code that covers it (docs/commerce.md).
 */
public record TierSpec(UUID sectionId, String name, long amountMinor, boolean hidden) {

    /** A listed tier. */
    public TierSpec(UUID sectionId, String name, long amountMinor) {
        this(sectionId, name, amountMinor, false);
    }
}
