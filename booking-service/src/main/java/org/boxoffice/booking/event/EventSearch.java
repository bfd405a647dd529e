package org.boxoffice.booking.event;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Filters for listing events. Empty {@code statuses} means any status. */
public record EventSearch(Set<EventStatus> statuses, boolean allOrganizations, Set<UUID> organizations,
        @Nullable Instant from, @Nullable Instant to, @Nullable UUID venueId, @Nullable String city,
        @Nullable String text) {

    /** What buyers see: published and paused events of every organization. */
    public static EventSearch listed(@Nullable Instant from, @Nullable Instant to, @Nullable UUID venueId,
            @Nullable String city, @Nullable String text) {
        return new EventSearch(Set.of(EventStatus.PUBLISHED, EventStatus.SALES_PAUSED), true, Set.of(), from, to,
                venueId, city, text);
    }
}
