package org.boxoffice.platform.background;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.boxoffice.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of a job, each with its own connection pool to the real PostgreSQL — as two replicas of a service
 * have — never run it at the same time; a job whose runner's connection dies (a replica killed mid-round) is free for
 * the other instance at once.
 */
class SingleRunnerIT {

    private static final String JOB = "single-runner-it";

    private HikariDataSource replicaA;
    private HikariDataSource replicaB;
    private SingleRunner runnerA;
    private SingleRunner runnerB;

    @BeforeEach
    void twoReplicas() {
        replicaA = pool("replica-a");
        replicaB = pool("replica-b");
        runnerA = new SingleRunner(replicaA, JOB);
        runnerB = new SingleRunner(replicaB, JOB);
    }

    @AfterEach
    void stop() {
        replicaA.close();
        replicaB.close();
    }

    @Test
    void theSecondInstanceSkipsTheJobWhileTheFirstRunsItAndRunsItAfterwards() throws Exception {
        Round first = replicaARunsTheJobUntilReleased();
        AtomicInteger runsOfB = new AtomicInteger();

        boolean ranWhileFirstHeldIt = runnerB.runExclusively(runsOfB::incrementAndGet);
        first.finish();
        boolean ranAfterwards = runnerB.runExclusively(runsOfB::incrementAndGet);

        assertThat(ranWhileFirstHeldIt).isFalse();
        assertThat(ranAfterwards).isTrue();
        assertThat(runsOfB).hasValue(1);
    }

    @Test
    void anotherJobIsNotHeldUpByThisOne() throws Exception {
        Round first = replicaARunsTheJobUntilReleased();

        boolean otherJobRan = new SingleRunner(replicaB, JOB + "-other").runExclusively(() -> { });
        first.finish();

        assertThat(otherJobRan).isTrue();
    }

    @Test
    void theJobIsFreeAsSoonAsItsRunnersConnectionDies() throws Exception {
        Round first = replicaARunsTheJobUntilReleased();
        assertThat(runnerB.runExclusively(() -> { })).isFalse();

        killTheLockHoldersSession();
        boolean ranAfterTheHolderDied = runnerB.runExclusively(() -> { });
        first.finish();

        assertThat(ranAfterTheHolderDied).isTrue();
        assertThat(runnerA.runExclusively(() -> { })).as("replica A's pool still works afterwards").isTrue();
    }

    @Test
    void twoInstancesRunningRoundAfterRoundNeverOverlap() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        Runnable work = () -> {
            mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
            runs.incrementAndGet();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inside.decrementAndGet();
            }
        };
        CyclicBarrier start = new CyclicBarrier(2);
        Thread a = Thread.ofVirtual().start(() -> rounds(start, runnerA, work));
        Thread b = Thread.ofVirtual().start(() -> rounds(start, runnerB, work));
        a.join();
        b.join();

        assertThat(runs.get()).isPositive();
        assertThat(mostInside).as("instances inside the job at once").hasValue(1);
    }

    /** Replica A inside a round of the job, holding it until {@link Round#finish()}. */
    private Round replicaARunsTheJobUntilReleased() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread thread = Thread.ofVirtual().start(() -> runnerA.runExclusively(() -> {
            entered.countDown();
            await(finish);
        }));
        assertThat(entered.await(30, TimeUnit.SECONDS)).as("replica A entered the job").isTrue();
        return new Round(finish, thread);
    }

    private record Round(CountDownLatch release, Thread thread) {

        void finish() throws InterruptedException {
            release.countDown();
            thread.join();
        }
    }

    private static void rounds(CyclicBarrier start, SingleRunner runner, Runnable work) {
        try {
            start.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        for (int round = 0; round < 200; round++) {
            runner.runExclusively(work);
        }
    }

    private void killTheLockHoldersSession() throws SQLException {
        try (Connection connection = replicaB.getConnection(); var statement = connection.createStatement();
                var killed = statement.executeQuery("""
                        SELECT pg_terminate_backend(l.pid, 10000) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                         WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = 'replica-a'""")) {
            assertThat(killed.next()).as("replica A holds an advisory lock").isTrue();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static HikariDataSource pool(String name) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(infrastructure.jdbcUrl());
        config.setUsername(infrastructure.postgres().username());
        config.setPassword(infrastructure.postgres().password());
        config.setPoolName(name);
        config.setMaximumPoolSize(3);
        config.addDataSourceProperty("ApplicationName", name);
        return new HikariDataSource(config);
    }
}
