package org.boxoffice.booking.availability;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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

    private final EventService events;
    private final AvailabilityCache cache;
    private final AvailabilityStore store;
    private final Map<UUID, List<AvailabilityStore.SeatPosition>> seatLayouts = new ConcurrentHashMap<>();

    AvailabilityService(EventService events, AvailabilityCache cache, AvailabilityStore store) {
        this.events = events;
        this.cache = cache;
        this.store = store;
    }

    /** Remaining tickets of every section the event lists to buyers (hidden tiers are left out). */
    public List<SectionAvailability> sections(UUID eventId) {
        EventService.Listing layout = events.listing(eventId);
        Map<UUID, Boolean> seated = new LinkedHashMap<>();
        layout.sections().forEach(section -> seated.put(section.sectionId(), section.seated()));
        Map<UUID, Integer> counts = cache.counts(eventId, seated).orElseGet(() -> countsOf(cache.rebuild(eventId)));
        return layout.sections().stream().filter(section -> !section.hidden())
                .map(section -> new SectionAvailability(section.sectionId(), section.capacity(),
                        counts.getOrDefault(section.sectionId(), 0)))
                .toList();
    }

    /** Every seat of a seated section with whether it can still be held. */
    public List<SeatAvailability> seats(UUID eventId, UUID sectionId) {
        EventSection section = events.listing(eventId).section(sectionId)
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

    private static Map<UUID, Integer> countsOf(InventorySnapshot snapshot) {
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        snapshot.availableSeats().forEach((section, seats) -> counts.put(section, seats.size()));
        snapshot.areas().forEach((section, area) -> counts.put(section, InventorySnapshot.remaining(area)));
        return counts;
    }

    /** A seat on the map and whether it is available (held and sold look the same to buyers). */
    public record SeatAvailability(UUID seatId, String row, int number, boolean accessible, boolean restrictedView,
            boolean available) {
    }
}
