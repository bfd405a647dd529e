package org.boxoffice.platform.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** Turns Redis being down into {@link #DEGRADED}: reported everywhere, answered with 200 by the probes. */
final class DegradableRedisHealth {

    /** Working, but without an optional dependency. Ordered between DOWN and UP; the probes answer it with 200. */
    static final Status DEGRADED = new Status("DEGRADED",
            "Redis is unreachable: serving without it (database paths, no cache, events wait in the outbox)");

    private DegradableRedisHealth() {
    }

    static Health degradeIfDown(Health health) {
        if (!Status.DOWN.equals(health.getStatus())) {
            return health;
        }
        return Health.status(DEGRADED).withDetails(health.getDetails()).build();
    }
}
