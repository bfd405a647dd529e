package org.boxoffice.notification.sale;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who holds tickets to what, as learnt from booking's events: the events this service has heard of (with their
 * organization, to scope organizers) and one holder row per confirmed order, inactive once the order is cancelled.
 */
@SqlByDesign("A stream consumer's read model of who holds tickets: idempotent upserts in any event order")
@Repository
public class Audience {

    /** An event as this service knows it. */
    public record KnownEvent(UUID eventId, UUID organizationId, @Nullable String title) {
    }

    private final JdbcClient jdbc;

    Audience(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void event(UUID eventId, UUID organizationId, @Nullable String title, Instant at) {
        jdbc.sql("""
                INSERT INTO known_event (event_id, organization_id, title, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (event_id) DO UPDATE SET title = coalesce(excluded.title, known_event.title),
                                                     updated_at = excluded.updated_at""")
                .params(eventId, organizationId, title, Timestamp.from(at)).update();
    }

    public void eventCancelled(UUID eventId) {
        jdbc.sql("UPDATE known_event SET cancelled = true WHERE event_id = ?").param(eventId).update();
    }

    public void holder(UUID orderId, UUID eventId, UUID buyerId, int tickets, Instant at) {
        jdbc.sql("""
                INSERT INTO ticket_holder (order_id, event_id, buyer_id, tickets, active, updated_at)
                VALUES (?, ?, ?, ?, true, ?) ON CONFLICT (order_id) DO NOTHING""")
                .params(orderId, eventId, buyerId, tickets, Timestamp.from(at)).update();
    }

    /** The order's buyer no longer holds its tickets. */
    public void orderCancelled(UUID orderId, Instant at) {
        jdbc.sql("UPDATE ticket_holder SET active = false, updated_at = ? WHERE order_id = ?")
                .params(Timestamp.from(at), orderId).update();
    }

    public Optional<KnownEvent> findEvent(UUID eventId) {
        return jdbc.sql("SELECT event_id, organization_id, title FROM known_event WHERE event_id = ?").param(eventId)
                .query((rs, row) -> new KnownEvent(eventId, rs.getObject("organization_id", UUID.class),
                        rs.getString("title")))
                .optional();
    }
}
