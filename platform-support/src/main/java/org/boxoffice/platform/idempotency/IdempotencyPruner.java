package org.boxoffice.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes records older than the retention, every prune interval. Its own single daemon thread rather than
 * {@code @Scheduled}: a service gets pruning whether or not it enables scheduling. Every replica prunes; the delete is
 * idempotent, so that costs one cheap statement per replica per interval.
 */
class IdempotencyPruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPruner.class);

    private final IdempotencyRecords records;
    private final Clock clock;
    private final Duration retention;
    private final Duration interval;
    private @Nullable ScheduledExecutorService executor;

    IdempotencyPruner(IdempotencyRecords records, Clock clock, Duration retention, Duration interval) {
        this.records = records;
        this.clock = clock;
        this.retention = retention;
        this.interval = interval;
    }

    /** Deletes what is past retention now; returns how many records went. */
    int prune() {
        return records.deleteOlderThan(clock.instant().minus(retention));
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("idempotency-pruner")
                .factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                int deleted = prune();
                log.debug("Pruned {} Idempotency-Key records older than {}", deleted, retention);
            } catch (RuntimeException e) {
                // The database may be briefly away; the next run catches up.
                log.warn("Could not prune Idempotency-Key records: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
