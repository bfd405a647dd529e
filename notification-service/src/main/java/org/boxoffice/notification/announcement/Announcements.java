package org.boxoffice.notification.announcement;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.boxoffice.notification.delivery.Lane;
import org.boxoffice.notification.delivery.Outgoing;
import org.boxoffice.notification.message.AnnouncementMessage;
import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.notification.sale.Audience;
import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Organizer announcements. The announcement and one delivery per holder commit together; the bulk lane then sends
 * them in batches, beside (never in front of) transactional mail.
 */
@SqlByDesign("Still hand-written until this service's aggregates move to Spring Data JPA (issue #21)")
@Service
public class Announcements {

    private final Audience audience;
    private final Outgoing outgoing;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Announcements(Audience audience, Outgoing outgoing, JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.audience = audience;
        this.outgoing = outgoing;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Announcement announce(CurrentUser organizer, UUID eventId, String subject, String body) {
        Audience.KnownEvent event = audience.findEvent(eventId).filter(e -> organizer.canManage(e.organizationId()))
                .orElseThrow(() -> new EventNotFound(eventId));
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String title = event.title() == null ? "" : event.title();
        int recipients = outgoing.toHolders(id, MessageKind.ANNOUNCEMENT, Lane.BULK, eventId,
                json.writeValueAsString(new AnnouncementMessage(id, eventId, title, subject, body)));
        jdbc.sql("""
                INSERT INTO announcement (id, event_id, organization_id, subject, body, created_by, recipients, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, eventId, event.organizationId(), subject, body, organizer.id(), recipients, Timestamp.from(now))
                .update();
        return new Announcement(id, eventId, event.organizationId(), subject, body, organizer.id(), recipients, now);
    }
}
