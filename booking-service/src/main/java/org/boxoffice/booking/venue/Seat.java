package org.boxoffice.booking.venue;

import java.util.UUID;

/** A numbered seat in a row of a seated section. {@code rowPosition} orders rows from the stage outwards. */
public record Seat(UUID id, UUID sectionId, String row, int rowPosition, int number, boolean accessible,
        boolean restrictedView) {
}
