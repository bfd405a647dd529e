package org.boxoffice.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.NewEvent;
import org.boxoffice.booking.venue.Venue;

import jakarta.persistence.EntityManager;

/** The rows an order or a ticket refers to (venue, event, hold), for mapping tests that store orders and tickets. */
public final class SaleFixtureRows {

    private SaleFixtureRows() {
    }

    /** A stored draft event on a stored venue. */
    public static Event event(EntityManager entities) {
        Instant now = Instant.now();
        Venue venue = new Venue(UUID.randomUUID(), "Hall", "Lisbon", "Rua 1", ZoneId.of("Europe/Lisbon"), now);
        entities.persist(venue);
        Event event = new Event(venue.organizationId(), new NewEvent(venue.id(), "Night", "", now.plus(
                Duration.ofDays(3)), now.plus(Duration.ofDays(3)).plus(Duration.ofHours(2)), ZoneId.of("Europe/Lisbon"),
                now, now.plus(Duration.ofDays(2)), Currency.getInstance("EUR"), 4, 6, Duration.ofMinutes(10)), now);
        entities.persist(event);
        entities.flush();
        return event;
    }

    /** A stored hold of {@code buyerId} on the event; its id. */
    public static UUID hold(EntityManager entities, UUID eventId, UUID buyerId) {
        UUID id = UUID.randomUUID();
        entities.createNativeQuery("""
                INSERT INTO hold (id, event_id, buyer_id, buyer_email, status, quantity, created_at, expires_at)
                VALUES (?1, ?2, ?3, 'buyer@test.boxoffice.dev', 'CHECKED_OUT', 1, now(), now())""")
                .setParameter(1, id).setParameter(2, eventId).setParameter(3, buyerId).executeUpdate();
        return id;
    }
}
