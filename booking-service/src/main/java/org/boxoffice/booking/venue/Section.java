package org.boxoffice.booking.venue;

import java.util.UUID;

/** A part of a venue's seat map. {@code capacity} is the seat count of a seated section, or the area's capacity. */
public record Section(UUID id, UUID venueId, String code, String name, SectionKind kind, int capacity, int position) {

    public boolean seated() {
        return kind == SectionKind.SEATED;
    }
}
