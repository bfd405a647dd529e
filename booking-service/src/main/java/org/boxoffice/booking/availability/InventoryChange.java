package org.boxoffice.booking.availability;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What one committed transaction did to an event's inventory, for the availability cache to apply after commit:
 * seats taken and freed per section, and the committed counts of the general-admission area stripes it touched.
 */
public final class InventoryChange {

    private final UUID eventId;
    private final Map<UUID, Set<UUID>> taken = new HashMap<>();
    private final Map<UUID, Set<UUID>> freed = new HashMap<>();
    private final Map<UUID, Map<Integer, AreaCount>> areas = new HashMap<>();

    public InventoryChange(UUID eventId) {
        this.eventId = eventId;
    }

    public UUID eventId() {
        return eventId;
    }

    public InventoryChange seatTaken(UUID sectionId, UUID seatId) {
        taken.computeIfAbsent(sectionId, s -> new HashSet<>()).add(seatId);
        return this;
    }

    public InventoryChange seatFreed(UUID sectionId, UUID seatId) {
        freed.computeIfAbsent(sectionId, s -> new HashSet<>()).add(seatId);
        return this;
    }

    public InventoryChange area(UUID sectionId, AreaCount count) {
        areas.computeIfAbsent(sectionId, s -> new HashMap<>())
                .merge(count.stripe(), count, (a, b) -> a.version() >= b.version() ? a : b);
        return this;
    }

    Map<UUID, Set<UUID>> taken() {
        return taken;
    }

    Map<UUID, Set<UUID>> freed() {
        return freed;
    }

    Map<UUID, Map<Integer, AreaCount>> areas() {
        return areas;
    }

    public boolean isEmpty() {
        return taken.isEmpty() && freed.isEmpty() && areas.isEmpty();
    }

    /**
     * One stripe of a general-admission area (its counts are kept in several rows, V13): the tickets the stripe has
     * left after a committed change, and the version of its row that wrote it.
     */
    public record AreaCount(int stripe, int remaining, long version) {
    }
}
