package org.boxoffice.booking.event;

import java.time.Duration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * An event's rules for buyers: tickets per order and per buyer (an order allows no more than a buyer may have), how
 * long a hold lasts (1–60 minutes), and its refund policy (paid orders can be cancelled until
 * {@code refundCutoffHours} before the start).
 */
@Embeddable
record SalePolicy(@Column(name = "max_per_order") int maxPerOrder, @Column(name = "max_per_buyer") int maxPerBuyer,
        @Column(name = "hold_seconds") int holdSeconds, @Column(name = "refund_cutoff_hours") int refundCutoffHours) {

    static final Duration MAX_HOLD = Duration.ofHours(1);
    static final Duration MIN_HOLD = Duration.ofMinutes(1);

    SalePolicy {
        if (maxPerOrder > maxPerBuyer) {
            throw new InvalidEvent("maxTicketsPerOrder", "An order cannot allow more tickets than a buyer may have.");
        }
        if (holdSeconds < MIN_HOLD.toSeconds() || holdSeconds > MAX_HOLD.toSeconds()) {
            throw new InvalidEvent("holdDuration", "Hold duration must be between 1 and 60 minutes.");
        }
    }

    SalePolicy(NewEvent spec) {
        this(spec.maxPerOrder(), spec.maxPerBuyer(), (int) Math.min(spec.holdDuration().toSeconds(), Integer.MAX_VALUE),
                (int) spec.refundCutoff().toHours());
    }
}
