package org.boxoffice.notification.announcement;

import java.time.Instant;
import java.util.UUID;

/** An organizer's message to every ticket holder of an event, and how many buyers it went out to. */
public record Announcement(UUID id, UUID eventId, UUID organizationId, String subject, String body, UUID createdBy,
        int recipients, Instant createdAt) {
}
