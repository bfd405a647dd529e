package org.boxoffice.booking.order;

import java.util.UUID;

import org.boxoffice.booking.event.Charges;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One line of an order: a seat, or a quantity of an area, at the tier's unit price (minor units). {@code amountMinor}
 * is the line before any discount, {@code discountMinor} what the order's code takes off it (never more),
 * {@code feeMinor} its service fee and {@code taxMinor} the tax on what is left plus the fee; {@code totalMinor} is
 * what the buyer pays for it: the amount less the discount plus the fee, plus the tax when it is added on top
 * rather than included.
 */
@Embeddable
public record OrderLine(@Column(name = "section_id") UUID sectionId, @Column(name = "seat_id") @Nullable UUID seatId,
        String description, int quantity, @Column(name = "unit_price_minor") long unitPriceMinor,
        @Column(name = "amount_minor") long amountMinor, @Column(name = "discount_minor") long discountMinor,
        @Column(name = "fee_minor") long feeMinor, @Column(name = "tax_minor") long taxMinor,
        @Column(name = "total_minor") long totalMinor) {

    public OrderLine {
        if (discountMinor < 0 || discountMinor > amountMinor) {
            throw new IllegalArgumentException("a line's discount is between 0 and its amount");
        }
        long charged = amountMinor - discountMinor + feeMinor;
        if (feeMinor < 0 || taxMinor < 0 || (totalMinor != charged && totalMinor != charged + taxMinor)) {
            throw new IllegalArgumentException("a line's total is its amount less its discount plus fee (and tax)");
        }
    }

    /** A line without a discount, a fee or a tax. */
    public OrderLine(UUID sectionId, @Nullable UUID seatId, String description, int quantity, long unitPriceMinor,
            long amountMinor) {
        this(sectionId, seatId, description, quantity, unitPriceMinor, amountMinor, 0, 0, 0, amountMinor);
    }

    /** This line with {@code discountMinor} taken off, before any fee or tax. */
    OrderLine discounted(long discountMinor) {
        return new OrderLine(sectionId, seatId, description, quantity, unitPriceMinor, amountMinor, discountMinor, 0, 0,
                amountMinor - discountMinor);
    }

    /** This line charged by {@code charges}: its fee and tax on its price after the discount. */
    OrderLine charged(Charges charges) {
        Charges.LineCharge charge = charges.charge(amountMinor - discountMinor, quantity);
        return new OrderLine(sectionId, seatId, description, quantity, unitPriceMinor, amountMinor, discountMinor,
                charge.feeMinor(), charge.taxMinor(), charge.totalMinor());
    }
}
