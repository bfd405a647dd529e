package org.boxoffice.booking.hold;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One line of a hold: a seat (quantity 1), or a quantity of a general-admission area. */
public record HoldItem(UUID sectionId, @Nullable UUID seatId, int quantity) {
}
