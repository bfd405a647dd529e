package org.boxoffice.booking.order;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an order: a seat, or a quantity of an area, at the tier's unit price (minor units). */
@Embeddable
public record OrderLine(@Column(name = "section_id") UUID sectionId, @Column(name = "seat_id") @Nullable UUID seatId,
        String description, int quantity, @Column(name = "unit_price_minor") long unitPriceMinor,
        @Column(name = "amount_minor") long amountMinor) {
}
