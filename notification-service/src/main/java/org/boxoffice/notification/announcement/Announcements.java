package org.boxoffice.notification.announcement;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.boxoffice.notification.delivery.Lane;
import org.boxoffice.notification.delivery.Outgoing;
import org.boxoffice.notification.message.AnnouncementMessage;
import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.notification.sale.Audience;
import org.boxoffice.platform.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Organizer announcements. The announcement and one delivery per holder commit together; the bulk lane then sends
 * them in batches, beside (never in front of) transactional mail.
 */
@Service
public class Announcements {

    private final Audience audience;
    private final Outgoing outgoing;
    private final AnnouncementLog log;
    private final JsonMapper json;
    private final Clock clock;

    Announcements(Audience audience, Outgoing outgoing, AnnouncementLog log, JsonMapper json, Clock clock) {
        this.audience = audience;
        this.outgoing = outgoing;
        this.log = log;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public AnnouncementView announce(CurrentUser organizer, UUID eventId, String subject, String body) {
        Audience.KnownEvent event = audience.findEvent(eventId).filter(e -> organizer.canManage(e.organizationId()))
                .orElseThrow(() -> new EventNotFound(eventId));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String title = event.title() == null ? "" : event.title();
        int recipients = outgoing.toHolders(id, MessageKind.ANNOUNCEMENT, Lane.BULK, eventId,
                json.writeValueAsString(new AnnouncementMessage(id, eventId, title, subject, body)));
        return AnnouncementView.of(log.save(
                new Announcement(id, eventId, event.organizationId(), subject, body, organizer.id(), recipients, now)));
    }
}
