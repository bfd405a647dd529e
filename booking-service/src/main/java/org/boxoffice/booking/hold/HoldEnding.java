package org.boxoffice.booking.hold;

import java.time.Instant;
import java.util.UUID;

/**
 * An active hold ending: the change {@link Holds#end} applies only where the hold is still ACTIVE (and, for an
 * expiry, past its expiry), so it happens at most once however many callers decided on it.
 */
record HoldEnding(UUID holdId, HoldStatus to, Instant at) {

    HoldEnding {
        if (to == HoldStatus.ACTIVE) {
            throw new IllegalArgumentException("a hold ends in RELEASED, EXPIRED or CHECKED_OUT");
        }
    }

    /**
     * The ending for a release decided in SQL rather than on a read hold (a sweeper's claimed batch, a cancelled
     * event's holds): the status guard alone decides.
     */
    static HoldEnding of(UUID holdId, ReleaseReason reason, Instant at) {
        return new HoldEnding(holdId, reason.ending(), at);
    }

    /** An expiry is applied only to a hold already past its expiry. */
    boolean onlyIfExpired() {
        return to == HoldStatus.EXPIRED;
    }
}
