package org.boxoffice.booking.hold;

import java.util.UUID;

import org.boxoffice.booking.inventory.Allotment;
import org.jspecify.annotations.Nullable;

/** One line of a hold: a seat (quantity 1), or a quantity of a general-admission area. */
public record HoldItem(UUID sectionId, @Nullable UUID seatId, int quantity) {

    /** The same tickets, as the inventory counts them. */
    public Allotment allotment() {
        return new Allotment(sectionId, seatId, quantity);
    }
}
