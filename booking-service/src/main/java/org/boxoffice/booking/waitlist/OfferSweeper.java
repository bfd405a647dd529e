package org.boxoffice.booking.waitlist;

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
 * Expires offers nobody claimed in time, on every replica at once, like the hold sweeper: each sweep claims a batch
 * with {@code FOR UPDATE SKIP LOCKED}, and each ending is conditional on the offer still being open, so an offer
 * passes to the next buyer in line exactly once whoever gets to it. Then offers lines the tickets on sale that went
 * past them ({@link LineRepair}). Runs every {@code sweep-interval}.
 */
@Component
class OfferSweeper extends BackgroundTask {

    private final TransactionTemplate transactions;
    private final WaitingListStatements statements;
    private final Offers offers;
    private final LineRepair repair;
    private final AvailabilityCache cache;
    private final Clock clock;
    private final int batch;
    private final Counter expired;

    OfferSweeper(TransactionTemplate transactions, WaitingListStatements statements, Offers offers, LineRepair repair,
            AvailabilityCache cache, Clock clock, BookingProperties properties, MeterRegistry meters) {
        super("waiting-list-offer-sweeper", properties.sweepInterval(), properties.sweepInterval(), true);
        this.transactions = transactions;
        this.statements = statements;
        this.offers = offers;
        this.repair = repair;
        this.cache = cache;
        this.clock = clock;
        this.batch = properties.sweepBatch();
        this.expired = Counter.builder("booking.waiting_list.offers.expired")
                .description("Waiting-list offers that expired unclaimed").register(meters);
    }

    /** One sweep, then the repair of lines passed over ({@link LineRepair}), then a pause of {@code sweep-interval}. */
    @Override
    protected boolean runOnce() {
        sweep();
        repair.repair();
        return false;
    }

    /** Ends every offer expired by now; returns how many this call ended. */
    int sweep() {
        int ended = 0;
        while (true) {
            Instant now = clock.instant();
            List<InventoryChange> changes = transactions.execute(status -> {
                List<InventoryChange> batchChanges = new ArrayList<>();
                for (UUID offerId : statements.claimExpired(now, batch)) {
                    offers.end(offerId, OfferStatus.EXPIRED, now).ifPresent(batchChanges::add);
                }
                return batchChanges;
            });
            if (changes == null || changes.isEmpty()) {
                return ended;
            }
            changes.forEach(cache::apply);
            ended += changes.size();
            expired.increment(changes.size());
            if (changes.size() < batch) {
                return ended;
            }
        }
    }
}
