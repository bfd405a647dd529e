package org.boxoffice.platform.background;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.boxoffice.platform.transaction.TransactionPhases;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A piece of work repeated on its own virtual thread while the application runs: started after the context is
 * ready (after an optional initial delay), stopped (interrupted, then awaited) on shutdown. A round that found work
 * runs again at once; an idle round waits {@link #idleWait()} ({@code interval} unless a task knows when its next work
 * comes due), or less when {@link #wake()} says there is work. A failed
 * round is logged and retried with a growing pause (up to 5 s beyond the interval): the work must be safe to repeat,
 * reading its state from the database or Redis each round.
 *
 * <p>This is the platform's one way to do periodic work (not {@code @Scheduled}, which
 * {@code PlatformRules.PERIODIC_WORK_BY_BACKGROUND_TASK} rejects): one thread per task, so rounds never overlap, and
 * a stop that waits for the round in progress.
 */
public abstract class BackgroundTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTask.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final String name;
    private final Duration interval;
    private final Duration initialDelay;
    private final boolean autoStartup;
    private volatile boolean running;
    private volatile @Nullable Thread worker;
    /** The same action every time, so that a transaction wakes the task once however often it asks. */
    private final Runnable wakeUp = this::wake;

    /**
     * @param name        thread name, also used in logs
     * @param interval    pause after a round that found nothing to do
     * @param autoStartup whether it starts with the application (tests drive {@link #runOnce()} by hand)
     */
    protected BackgroundTask(String name, Duration interval, boolean autoStartup) {
        this(name, interval, Duration.ZERO, autoStartup);
    }

    /**
     * @param initialDelay wait before the first round (cut short by {@link #wake()}); zero runs it at start
     * @see #BackgroundTask(String, Duration, boolean)
     */
    protected BackgroundTask(String name, Duration interval, Duration initialDelay, boolean autoStartup) {
        this.name = name;
        this.interval = interval;
        this.initialDelay = initialDelay;
        this.autoStartup = autoStartup;
    }

    /**
     * One round of the work.
     *
     * @return true when there may be more to do right away (a full batch), false to wait {@code interval}
     */
    protected abstract boolean runOnce();

    /**
     * How long to wait after a round that found nothing to do: {@code interval}, or less for a task that knows when
     * its next work comes due. Asked after each idle round, on the task's thread; a failure counts as the round's.
     */
    protected Duration idleWait() {
        return interval;
    }

    private void loop() {
        if (initialDelay.isPositive()) {
            LockSupport.parkNanos(this, initialDelay.toNanos());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
        int failures = 0;
        while (running) {
            try {
                boolean more = runOnce();
                failures = 0;
                if (!more) {
                    // Woken early by wake(); an early return of park() only means one more round.
                    LockSupport.parkNanos(this, idleWait().toNanos());
                    if (Thread.currentThread().isInterrupted()) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures++;
                log.warn("{} failed (attempt {}), will retry: {}", name, failures, e.toString());
                try {
                    Thread.sleep(interval.plus(backoff(failures)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Wakes the task once the current transaction commits — once however often the transaction asks, never if it
     * rolls back, at once outside a transaction: the work it committed is then done now, not at the next poll.
     */
    public void wakeAfterCommit() {
        TransactionPhases.afterCommitOnce(wakeUp);
    }

    /** Ends the current idle wait, if any: there is work now (for example an event just committed). */
    public void wake() {
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    private static Duration backoff(int failures) {
        Duration pause = Duration.ofMillis(200L << Math.min(failures, 10));
        return pause.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : pause;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = Thread.ofVirtual().name(name).start(this::loop);
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread thread = worker;
        worker = null;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isAutoStartup() {
        return autoStartup;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
