package org.boxoffice.notification.announcement;

import java.util.UUID;

import org.springframework.data.repository.Repository;

/** Announcements as sent. */
interface AnnouncementLog extends Repository<Announcement, UUID> {

    Announcement save(Announcement announcement);
}
