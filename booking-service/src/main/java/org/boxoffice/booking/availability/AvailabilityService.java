package org.boxoffice.booking.availability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventSection;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.venue.SectionNotFound;
import org.springframework.stereotype.Service;

/**
 * Availability for buyers: per-section counts and per-seat status. Served from {@link AvailabilityCache}; on a miss
 * or with Redis down, from the database (which also rebuilds the cache when Redis answers).
 */
@Service
public class AvailabilityService {

    /** How long an event's published layout (listed or not, its sections) is remembered in memory. */
    private static final Duration LAYOUT_TTL = Duration.ofSeconds(5);

    private final EventService events;
    private final AvailabilityCache cache;
    private final AvailabilityStore store;
    private final Clock clock;
    private final Map<UUID, Layout> layouts = new ConcurrentHashMap<>();
    private final Map<UUID, List<AvailabilityStore.SeatPosition>> seatLayouts = new ConcurrentHashMap<>();

    AvailabilityService(EventService events, AvailabilityCache cache, AvailabilityStore store, Clock clock) {
        this.events = events;
        this.cache = cache;
        this.store = store;
        this.clock = clock;
    }

    /** Remaining tickets of every section the event sells. */
    public List<SectionAvailability> sections(UUID eventId) {
        Layout layout = layout(eventId);
        Map<UUID, Boolean> seated = new LinkedHashMap<>();
        layout.sections().forEach(section -> seated.put(section.sectionId(), section.seated()));
        Map<UUID, Integer> counts = cache.counts(eventId, seated).orElseGet(() -> countsOf(cache.rebuild(eventId)));
        return layout.sections().stream()
                .map(section -> new SectionAvailability(section.sectionId(), section.capacity(),
                        counts.getOrDefault(section.sectionId(), 0)))
                .toList();
    }

    /** Every seat of a seated section with whether it can still be held. */
    public List<SeatAvailability> seats(UUID eventId, UUID sectionId) {
        Layout layout = layout(eventId);
        EventSection section = layout.sections().stream().filter(s -> s.sectionId().equals(sectionId)).findFirst()
                .orElseThrow(() -> new SectionNotFound(sectionId));
        if (!section.seated()) {
            throw new SectionNotFound(sectionId);
        }
        Set<UUID> available = cache.availableSeats(eventId, sectionId)
                .orElseGet(() -> cache.rebuild(eventId).availableSeats().getOrDefault(sectionId, Set.of()));
        return seatLayouts.computeIfAbsent(sectionId, id -> store.seats(eventId, id)).stream()
                .map(seat -> new SeatAvailability(seat.seatId(), seat.row(), seat.number(), seat.accessible(),
                        seat.restrictedView(), available.contains(seat.seatId())))
                .toList();
    }

    private Layout layout(UUID eventId) {
        Instant now = clock.instant();
        Layout layout = layouts.get(eventId);
        if (layout == null || layout.readAt().plus(LAYOUT_TTL).isBefore(now)) {
            Event event = events.listed(eventId);
            layout = new Layout(event, events.sections(eventId), now);
            layouts.put(eventId, layout);
        }
        return layout;
    }

    private static Map<UUID, Integer> countsOf(InventorySnapshot snapshot) {
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        snapshot.availableSeats().forEach((section, seats) -> counts.put(section, seats.size()));
        snapshot.areas().forEach((section, area) -> counts.put(section, area.remaining()));
        return counts;
    }

    record Layout(Event event, List<EventSection> sections, Instant readAt) {
    }

    /** A seat on the map and whether it is available (held and sold look the same to buyers). */
    public record SeatAvailability(UUID seatId, String row, int number, boolean accessible, boolean restrictedView,
            boolean available) {
    }
}
