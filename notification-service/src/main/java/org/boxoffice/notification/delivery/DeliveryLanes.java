package org.boxoffice.notification.delivery;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.boxoffice.platform.background.BackgroundTask;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * One worker per {@link Lane}, so bulk announcements and transactional mail never wait for each other. A worker
 * hands the {@link Dispatcher} batches while there is due work, then waits {@code poll-interval} — or less: the commit
 * that planned deliveries wakes their lane ({@link DeliveryLog}), and the poll only picks up retries coming due and
 * leases that ran out.
 */
@Component
class DeliveryLanes implements SmartLifecycle {

    private final Dispatcher dispatcher;
    private final DeliveryProperties properties;
    /** Each lane's worker while running; replaced whole, so that {@link #wake} may read it from any thread. */
    private volatile Map<Lane, BackgroundTask> workers = Map.of();

    DeliveryLanes(Dispatcher dispatcher, DeliveryProperties properties) {
        this.dispatcher = dispatcher;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        Map<Lane, BackgroundTask> started = new EnumMap<>(Lane.class);
        for (Lane lane : Lane.values()) {
            BackgroundTask worker = new BackgroundTask("deliveries-" + lane.name().toLowerCase(Locale.ROOT),
                    properties.pollInterval(), true) {
                @Override
                protected boolean runOnce() {
                    if (dispatcher.dispatchOnce(lane) == 0) {
                        return false;
                    }
                    if (lane == Lane.BULK) {
                        pause(properties.bulkPause());
                    }
                    return true;
                }
            };
            worker.start();
            started.put(lane, worker);
        }
        workers = started;
    }

    /** Wakes the lane once the current transaction commits: its deliveries go out then, not at the next poll. */
    void wakeAfterCommit(Lane lane) {
        BackgroundTask worker = workers.get(lane);
        if (worker != null) {
            worker.wakeAfterCommit();
        }
    }

    /** Bulk sends yield between batches so that the provider's rate limits and the transactional lane breathe. */
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void stop() {
        workers.values().forEach(BackgroundTask::stop);
        workers = Map.of();
    }

    @Override
    public boolean isAutoStartup() {
        return properties.autoStartup();
    }

    @Override
    public boolean isRunning() {
        return !workers.isEmpty();
    }
}
