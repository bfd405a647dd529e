package org.boxoffice.notification.delivery;

/**
 * PENDING (due at {@code nextAttemptAt}) → SENDING (claimed by a worker) → SENT, or FAILED with the reason;
 * SUPPRESSED from the start when the message was over a per-buyer or per-recipient cap (the cap in the reason).
 */
public enum DeliveryStatus {
    PENDING, SENDING, SENT, FAILED, SUPPRESSED
}
