package org.boxoffice.booking.admission;

/** How the gateway chooses the admission rate of a waiting room. */
public enum AdmissionMode {
    /** Always the organizer's rate. */
    FIXED,
    /**
     * Starts at the organizer's rate, then follows what the platform measures: additive increase while holds are fast
     * and nothing is refused, multiplicative decrease when they are not, within the organizer's bounds.
     */
    AUTO
}
