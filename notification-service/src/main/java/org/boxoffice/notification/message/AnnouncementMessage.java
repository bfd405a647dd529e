package org.boxoffice.notification.message;

import java.util.UUID;

/** What an announcement delivery is rendered from. */
public record AnnouncementMessage(UUID announcementId, UUID eventId, String eventTitle, String subject, String body) {
}
