package org.boxoffice.booking.venue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** A place where events happen, owned by one organization. */
public record Venue(UUID id, UUID organizationId, String name, String city, String address, ZoneId timezone,
        Instant createdAt) {
}
