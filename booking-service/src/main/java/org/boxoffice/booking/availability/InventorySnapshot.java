package org.boxoffice.booking.availability;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An event's availability as read from the database: available seat ids per seated section, remaining per area stripe. */
record InventorySnapshot(Map<UUID, Set<UUID>> availableSeats,
        Map<UUID, Map<Integer, InventoryChange.AreaCount>> areas) {

    /** An area's tickets left, all its stripes together. */
    static int remaining(Map<Integer, InventoryChange.AreaCount> stripes) {
        return stripes.values().stream().mapToInt(InventoryChange.AreaCount::remaining).sum();
    }
}
