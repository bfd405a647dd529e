package org.boxoffice.notification.announcement;

import java.time.Instant;
import java.util.UUID;

/** What the API shows of an announcement. */
public record AnnouncementView(UUID id, UUID eventId, String subject, int recipients, Instant createdAt) {

    static AnnouncementView of(Announcement announcement) {
        return new AnnouncementView(announcement.id(), announcement.eventId(), announcement.subject(),
                announcement.recipients(), announcement.createdAt());
    }
}
