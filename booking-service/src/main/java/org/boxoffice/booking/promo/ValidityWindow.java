package org.boxoffice.booking.promo;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** When a code may be used: from {@code from} (inclusive) until {@code until} (exclusive); a null end is open. */
@Embeddable
record ValidityWindow(@Column(name = "valid_from") @Nullable Instant from,
        @Column(name = "valid_until") @Nullable Instant until) {

    /** The window between these ends, or null for a code valid at any time; refuses one that ends before it starts. */
    static @Nullable ValidityWindow of(@Nullable Instant from, @Nullable Instant until) {
        if (from != null && until != null && !until.isAfter(from)) {
            throw new InvalidCode("validUntil", "The validity window must end after it starts.");
        }
        return from == null && until == null ? null : new ValidityWindow(from, until);
    }

    /** Refuses code {@code code} before the window opens or once it has closed. */
    void require(String code, Instant now) {
        if (from != null && now.isBefore(from)) {
            throw new CodeNotYetValid(code, from);
        }
        if (until != null && !now.isBefore(until)) {
            throw new CodeExpired(code, until);
        }
    }
}
