package org.boxoffice.booking.availability;

import java.util.UUID;

/** How many tickets of a section or area are left. */
public record SectionAvailability(UUID sectionId, int capacity, int available) {
}
