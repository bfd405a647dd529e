package org.boxoffice.booking.event;

import java.util.UUID;

/** A price for one section of the venue, in minor units of the event's currency. */
public record TierSpec(UUID sectionId, String name, long amountMinor) {
}
