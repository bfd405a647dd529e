package org.boxoffice.platform.idempotency;

import java.time.Clock;
import java.time.Duration;

import org.boxoffice.platform.background.BackgroundTask;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes records older than the retention, every prune interval. A {@link BackgroundTask} rather than
 * {@code @Scheduled}: a service gets pruning whether or not it enables scheduling. Every replica prunes; the delete is
 * idempotent, so that costs one cheap statement per replica per interval.
 */
class IdempotencyPruner extends BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPruner.class);

    private final IdempotencyRecords records;
    private final Clock clock;
    private final Duration retention;

    IdempotencyPruner(IdempotencyRecords records, Clock clock, Duration retention, Duration interval) {
        super("idempotency-pruner", interval, true);
        this.records = records;
        this.clock = clock;
        this.retention = retention;
    }

    /** Deletes what is past retention now; returns how many records went. */
    int prune() {
        return records.deleteOlderThan(clock.instant().minus(retention));
    }

    @Override
    protected boolean runOnce() {
        log.debug("Pruned {} Idempotency-Key records older than {}", prune(), retention);
        return false;
    }
}
