package org.boxoffice.booking.promo;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What a discount code takes off: exactly one of {@code percentOff} (1–100) and {@code amountOffMinor} (per ticket,
 * at least 1). The rule of the discount kind: an access code has none (both columns null, so the code's discount is
 * null).
 */
@Embeddable
record Discount(@Column(name = "percent_off") @Nullable Integer percentOff,
        @Column(name = "amount_off_minor") @Nullable Long amountOffMinor) {

    /** The discount a code of {@code kind} defines with these values, or null for an access code; refuses the rest. */
    static @Nullable Discount of(CodeKind kind, @Nullable Integer percentOff, @Nullable Long amountOffMinor) {
        if (kind != CodeKind.DISCOUNT) {
            if (percentOff != null || amountOffMinor != null) {
                throw new InvalidCode("percentOff", "An access code gives no discount: leave out percentOff and "
                        + "amountOffMinor.");
            }
            return null;
        }
        if ((percentOff == null) == (amountOffMinor == null)) {
            throw new InvalidCode("percentOff", "A discount code takes exactly one of percentOff and amountOffMinor.");
        }
        if (percentOff != null && (percentOff < 1 || percentOff > 100)) {
            throw new InvalidCode("percentOff", "percentOff is between 1 and 100.");
        }
        if (amountOffMinor != null && amountOffMinor < 1) {
            throw new InvalidCode("amountOffMinor", "amountOffMinor is at least 1.");
        }
        return new Discount(percentOff, amountOffMinor);
    }

    /**
     * The discount on a line the code covers: {@code percentOff} of the line's amount rounded down, or
     * {@code amountOffMinor} per ticket but never more than the ticket's price.
     */
    long on(PromoCode.Priced line) {
        if (percentOff != null) {
            return Math.multiplyExact(line.amountMinor(), percentOff) / 100;
        }
        long perTicket = amountOffMinor == null ? 0 : amountOffMinor;
        return Math.multiplyExact(Math.min(perTicket, line.unitPriceMinor()), line.quantity());
    }
}
