package org.boxoffice.platform.background;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An idle background task waits its interval, unless woken: then it runs its next round at once. */
class BackgroundTaskTest {

    /** Counts rounds; never has more work on its own. */
    static final class Rounds extends BackgroundTask {
        final Semaphore rounds = new Semaphore(0);

        Rounds(Duration interval) {
            this(interval, Duration.ZERO);
        }

        Rounds(Duration interval, Duration initialDelay) {
            super("rounds", interval, initialDelay, false);
        }

        @Override
        protected boolean runOnce() {
            rounds.release();
            return false;
        }
    }

    @Test
    void wakingAnIdleTaskRunsItsNextRoundWithoutWaitingTheInterval() throws Exception {
        Rounds task = new Rounds(Duration.ofHours(1));
        task.start();
        try {
            assertThat(task.rounds.tryAcquire(10, TimeUnit.SECONDS)).as("first round").isTrue();
            assertThat(task.rounds.tryAcquire(200, TimeUnit.MILLISECONDS)).as("idle: waits its hour").isFalse();

            task.wake();

            assertThat(task.rounds.tryAcquire(10, TimeUnit.SECONDS)).as("woken: the next round, not in an hour")
                    .isTrue();
        } finally {
            task.stop();
        }
        assertThat(task.isRunning()).isFalse();
    }

    @Test
    void waitsItsInitialDelayBeforeTheFirstRoundUnlessWoken() throws Exception {
        Rounds task = new Rounds(Duration.ofHours(1), Duration.ofHours(1));
        task.start();
        try {
            assertThat(task.rounds.tryAcquire(200, TimeUnit.MILLISECONDS)).as("waits its initial hour").isFalse();

            task.wake();

            assertThat(task.rounds.tryAcquire(10, TimeUnit.SECONDS)).as("woken: the first round at once").isTrue();
        } finally {
            task.stop();
        }
    }

    @Test
    void stopsWhileIdle() throws Exception {
        Rounds task = new Rounds(Duration.ofHours(1));
        task.start();
        assertThat(task.rounds.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

        task.stop();

        int before = task.rounds.availablePermits();
        task.wake();
        Thread.sleep(100);
        assertThat(task.rounds.availablePermits()).as("no round after stop").isEqualTo(before);
    }
}
