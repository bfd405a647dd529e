package org.boxoffice.booking.inventory;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One seat (quantity 1), or a quantity of a general-admission area. */
public record Allotment(UUID sectionId, @Nullable UUID seatId, int quantity) {

    public Allotment {
        if (quantity < 1) {
            throw new IllegalArgumentException("an allotment is of at least one ticket, not " + quantity);
        }
        if (seatId != null && quantity != 1) {
            throw new IllegalArgumentException("a seat is one ticket, not " + quantity);
        }
    }

    public static Allotment seat(UUID sectionId, UUID seatId) {
        return new Allotment(sectionId, seatId, 1);
    }

    public static Allotment area(UUID sectionId, int quantity) {
        return new Allotment(sectionId, null, quantity);
    }

    public boolean seated() {
        return seatId != null;
    }
}
