package org.boxoffice.booking.hold;

/** Why a hold ended early, as {@code HoldReleased} tells it. */
enum ReleaseReason {
    BUYER, EXPIRED, ORGANIZER;

    /** The status the hold ends in. */
    HoldStatus ending() {
        return this == EXPIRED ? HoldStatus.EXPIRED : HoldStatus.RELEASED;
    }
}
