package org.boxoffice.gateway.waitingroom;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A buyer's place as the queue reports it.
 *
 * @param position       WAITING: places up to and including the buyer's that are not yet let in (1 = next); places
 *                       freed since by buyers who left are still counted, so the queue moves at least this fast
 * @param waiting        WAITING: places not yet let in, the buyer's included
 * @param ratePerMinute  WAITING: the current admission rate
 * @param earlyArrivals  EARLY: buyers who came before the sale opened, whose order is drawn when it does
 * @param passExpiresAt  ADMITTED: when the buyer's pass stops opening holds
 * @param created        whether this call gave the buyer a new place
 * @param pollAfter      WAITING: when the buyer should ask again (the queue script decided it and expects them then)
 */
record Place(Kind kind, long position, long waiting, int ratePerMinute, boolean paused, long earlyArrivals,
        @Nullable Instant passExpiresAt, boolean created, @Nullable Duration pollAfter) {

    enum Kind {
        /** No place, and no valid pass. */
        NONE,
        /** Came before the sale opened: in the draw. */
        EARLY,
        /** In line. */
        WAITING,
        /** Let in: holds with the pass until it expires. */
        ADMITTED,
        /** The sale has opened but the early arrivals' order is not drawn yet: draw, then ask again. */
        NEEDS_DRAW
    }

    /** Reads a queue script's answer: {@code {kind, a, b, c, d, created, poll ms}}. */
    static Place of(List<?> reply) {
        long[] v = new long[7];
        for (int i = 0; i < v.length && i < reply.size(); i++) {
            v[i] = ((Number) reply.get(i)).longValue();
        }
        boolean created = v[5] == 1;
        return switch ((int) v[0]) {
            case 1 -> new Place(Kind.EARLY, 0, 0, 0, false, v[1], null, created, null);
            case 2 -> new Place(Kind.WAITING, v[1], v[2], (int) v[3], v[4] == 1, 0, null, created,
                    Duration.ofMillis(v[6]));
            case 3 -> new Place(Kind.ADMITTED, 0, 0, 0, false, 0, Instant.ofEpochMilli(v[1]), created, null);
            case 4 -> new Place(Kind.NEEDS_DRAW, 0, 0, 0, false, 0, null, false, null);
            default -> new Place(Kind.NONE, 0, 0, 0, false, 0, null, false, null);
        };
    }
}
