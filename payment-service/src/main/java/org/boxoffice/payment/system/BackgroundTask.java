package org.boxoffice.payment.system;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A piece of work repeated on its own daemon thread while the application runs. A failed run is logged and the next
 * one tries again: the work is always safe to repeat (it reads its state from the database).
 */
public abstract class BackgroundTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTask.class);

    private final String name;
    private final Duration interval;
    private final boolean enabled;
    private @Nullable ScheduledExecutorService executor;

    protected BackgroundTask(String name, Duration interval, boolean enabled) {
        this.name = name;
        this.interval = interval;
        this.enabled = enabled;
    }

    /** One round of the work. */
    protected abstract void runOnce();

    @Override
    public synchronized void start() {
        if (!enabled) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name(name).factory());
        executor.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("{} failed, will retry: {}", name, e.toString());
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
