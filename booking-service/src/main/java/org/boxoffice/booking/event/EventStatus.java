package org.boxoffice.booking.event;

/**
 * DRAFT → PUBLISHED ⇄ SALES_PAUSED → COMPLETED, and CANCELLED from any state but COMPLETED. Only a PUBLISHED event
 * inside its sale window sells.
 */
public enum EventStatus {
    DRAFT, PUBLISHED, SALES_PAUSED, COMPLETED, CANCELLED;

    /** Whether buyers can see the event. */
    public boolean listed() {
        return this == PUBLISHED || this == SALES_PAUSED;
    }
}
