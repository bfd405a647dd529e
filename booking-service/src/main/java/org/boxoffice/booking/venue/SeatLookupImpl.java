package org.boxoffice.booking.venue;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.persistence.EntityManager;

/**
 * Loads seats with Hibernate's multi-id loader, one {@code id = any(?)} statement with the ids as one array parameter,
 * whose SQL is built once. A JPQL {@code in :ids} is translated again on every call: Hibernate caches no query plan
 * with a collection-valued parameter, which made this lookup on the checkout and the ticket issue cost more than its
 * statement (docs/performance.md, issue #21).
 */
class SeatLookupImpl implements SeatLookup {

    private final EntityManager entityManager;

    SeatLookupImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public List<Seat> findSeats(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager.unwrap(Session.class).findMultiple(Seat.class, ids.stream().distinct().toList()).stream()
                .filter(Objects::nonNull).toList();
    }
}
