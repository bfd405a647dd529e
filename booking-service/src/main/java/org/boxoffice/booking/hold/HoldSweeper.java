package org.boxoffice.booking.hold;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.availability.AvailabilityCache;
import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.booking.system.BookingProperties;
import org.boxoffice.platform.background.BackgroundTask;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Releases expired holds, on every replica at once: each sweep claims a batch of expired holds with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas split the work instead of queueing on it, and each release is also
 * conditional on the hold still being ACTIVE, so a hold is released exactly once whoever gets to it. Runs every
 * {@code sweep-interval}, the first time one interval after start.
 */
@Component
class HoldSweeper extends BackgroundTask {

    private final TransactionTemplate transactions;
    private final Holds holds;
    private final HoldReleaser releaser;
    private final AvailabilityCache cache;
    private final Clock clock;
    private final int batch;
    private final Counter expired;

    HoldSweeper(TransactionTemplate transactions, Holds holds, HoldReleaser releaser, AvailabilityCache cache,
            Clock clock, BookingProperties properties, MeterRegistry meters) {
        super("hold-sweeper", properties.sweepInterval(), properties.sweepInterval(), true);
        this.transactions = transactions;
        this.holds = holds;
        this.releaser = releaser;
        this.cache = cache;
        this.clock = clock;
        this.batch = properties.sweepBatch();
        this.expired = Counter.builder("booking.holds.expired").description("Holds released because they expired")
                .register(meters);
    }

    /** One sweep, then a pause of {@code sweep-interval} (the sweep itself goes on while batches come back full). */
    @Override
    protected boolean runOnce() {
        sweep();
        return false;
    }

    /** Releases every hold expired by now; returns how many this call released. */
    int sweep() {
        int released = 0;
        while (true) {
            Instant now = clock.instant();
            List<InventoryChange> changes = transactions.execute(status -> {
                List<InventoryChange> batchChanges = new ArrayList<>();
                for (UUID holdId : holds.claimExpired(now, batch)) {
                    releaser.release(HoldEnding.of(holdId, ReleaseReason.EXPIRED, now), ReleaseReason.EXPIRED).ifPresent(batchChanges::add);
                }
                return batchChanges;
            });
            if (changes == null || changes.isEmpty()) {
                return released;
            }
            changes.forEach(cache::apply);
            released += changes.size();
            expired.increment(changes.size());
            if (changes.size() < batch) {
                return released;
            }
        }
    }
}
