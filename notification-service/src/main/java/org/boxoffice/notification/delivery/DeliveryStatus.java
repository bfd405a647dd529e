package org.boxoffice.notification.delivery;

/** PENDING (due at {@code nextAttemptAt}) → SENDING (claimed by a worker) → SENT, or FAILED with the reason. */
public enum DeliveryStatus {
    PENDING, SENDING, SENT, FAILED
}
