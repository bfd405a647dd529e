package org.boxoffice.booking.order;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One line of an order: a seat, or a quantity of an area, at the tier's unit price (minor units). */
public record OrderLine(UUID sectionId, @Nullable UUID seatId, String description, int quantity,
        long unitPriceMinor, long amountMinor) {
}
