package org.boxoffice.booking.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a document adds up to, in minor units: the price before discounts, the discount, the service fees, the tax and
 * the total (which contains the tax when it is included, and adds it otherwise).
 */
@Embeddable
public record Sums(@Column(name = "subtotal_minor") long subtotalMinor,
        @Column(name = "discount_minor") long discountMinor, @Column(name = "fee_minor") long feeMinor,
        @Column(name = "tax_minor") long taxMinor, @Column(name = "total_minor") long totalMinor) {

    public Sums {
        if (subtotalMinor < 0 || discountMinor < 0 || feeMinor < 0 || taxMinor < 0 || totalMinor < 0) {
            throw new IllegalArgumentException("a document's sums are never negative");
        }
    }
}
