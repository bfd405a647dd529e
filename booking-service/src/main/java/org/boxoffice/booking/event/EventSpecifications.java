package org.boxoffice.booking.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.boxoffice.booking.venue.Venue;
import org.springframework.data.jpa.domain.Specification;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;

/** The event search as a query: every filter of {@link EventSearch} that is set, combined with AND. */
final class EventSpecifications {

    private EventSpecifications() {
    }

    static Specification<Event> matching(EventSearch search) {
        return (event, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (!search.statuses().isEmpty()) {
                where.add(event.get("status").in(search.statuses()));
            }
            if (!search.allOrganizations()) {
                where.add(search.organizations().isEmpty() ? cb.disjunction()
                        : event.get("organizationId").in(search.organizations()));
            }
            if (search.from() != null) {
                where.add(cb.greaterThanOrEqualTo(event.get("schedule").get("startsAt"), search.from()));
            }
            if (search.to() != null) {
                where.add(cb.lessThan(event.get("schedule").get("startsAt"), search.to()));
            }
            if (search.venueId() != null) {
                where.add(cb.equal(event.get("venueId"), search.venueId()));
            }
            if (search.city() != null) {
                Subquery<UUID> inCity = query.subquery(UUID.class);
                var venue = inCity.from(Venue.class);
                inCity.select(venue.get("id"))
                        .where(cb.equal(cb.lower(venue.get("city")), search.city().toLowerCase(Locale.ROOT)));
                where.add(event.get("venueId").in(inCity));
            }
            if (search.text() != null) {
                String like = "%" + search.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                        .replace("_", "\\_") + "%";
                Subquery<UUID> named = query.subquery(UUID.class);
                var venue = named.from(Venue.class);
                named.select(venue.get("id")).where(cb.like(cb.lower(venue.get("name")), like, '\\'));
                where.add(cb.or(cb.like(cb.lower(event.get("title")), like, '\\'),
                        cb.like(cb.lower(event.get("description")), like, '\\'), event.get("venueId").in(named)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
