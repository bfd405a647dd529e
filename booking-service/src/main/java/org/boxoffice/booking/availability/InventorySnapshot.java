package org.boxoffice.booking.availability;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** An event's availability as read from the database: available seat ids per seated section, remaining per area. */
record InventorySnapshot(Map<UUID, Set<UUID>> availableSeats, Map<UUID, InventoryChange.AreaCount> areas) {
}
