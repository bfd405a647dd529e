package org.boxoffice.platform.idempotency;

import java.time.Clock;
import java.time.Duration;

import org.boxoffice.platform.background.BackgroundTask;
import org.boxoffice.platform.background.SingleRunner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes records older than the retention, every prune interval. A {@link BackgroundTask} rather than
 * {@code @Scheduled}: a service gets pruning whether or not it enables scheduling. One replica at a time prunes
 * ({@link SingleRunner}): the delete is idempotent, but several replicas deleting the same rows at once would only
 * contend for them.
 */
class IdempotencyPruner extends BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPruner.class);

    private final IdempotencyRecords records;
    private final Clock clock;
    private final Duration retention;
    private final SingleRunner runner;

    IdempotencyPruner(IdempotencyRecords records, Clock clock, Duration retention, Duration interval,
            SingleRunner runner) {
        super("idempotency-pruner", interval, true);
        this.runner = runner;
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
        runner.callExclusively(this::prune)
                .ifPresent(pruned -> log.debug("Pruned {} Idempotency-Key records older than {}", pruned, retention));
        return false;
    }
}
