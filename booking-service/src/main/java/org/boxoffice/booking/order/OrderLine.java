package org.boxoffice.booking.order;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One line of an order: a seat, or a quantity of an area, at the tier's unit price (minor units); {@code amountMinor}
 * is the line before any discount, {@code discountMinor} what the order's code takes off it (never more).
 */
@Embeddable
public record OrderLine(@Column(name = "section_id") UUID sectionId, @Column(name = "seat_id") @Nullable UUID seatId,
        String description, int quantity, @Column(name = "unit_price_minor") long unitPriceMinor,
        @Column(name = "amount_minor") long amountMinor, @Column(name = "discount_minor") long discountMinor) {

    public OrderLine {
        if (discountMinor < 0 || discountMinor > amountMinor) {
            throw new IllegalArgumentException("a line's discount is between 0 and its amount");
        }
    }

    /** A line without a discount. */
    public OrderLine(UUID sectionId, @Nullable UUID seatId, String description, int quantity, long unitPriceMinor,
            long amountMinor) {
        this(sectionId, seatId, description, quantity, unitPriceMinor, amountMinor, 0);
    }

    /** This line with {@code discountMinor} taken off. */
    OrderLine discounted(long discountMinor) {
        return new OrderLine(sectionId, seatId, description, quantity, unitPriceMinor, amountMinor, discountMinor);
    }

    /** What the buyer pays for it. */
    public long totalMinor() {
        return amountMinor - discountMinor;
    }
}
