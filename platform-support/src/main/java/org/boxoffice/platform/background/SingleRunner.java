package org.boxoffice.platform.background;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.boxoffice.platform.data.SqlByDesign;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One runner at a time for a job, across every replica that shares the database: the work runs only while this
 * runner holds the job's PostgreSQL advisory lock, taken with {@code pg_try_advisory_lock} on a connection of its own
 * (so the work's own transactions may commit as they go). A replica that finds the lock held skips the round; the lock
 * is released when the work ends, and by PostgreSQL itself when the holder's connection ends (a crashed or killed
 * replica never keeps it). Rounds of one replica never overlap anyway ({@link BackgroundTask} runs them on one
 * thread): this is about several replicas.
 *
 * <p>What it guarantees: never two runs of the job at the same time. What it does not: a fixed number of runs per
 * interval across the fleet — each replica still tries once per interval, and a replica that comes after another
 * finished runs again, so the work must stay safe to repeat (every {@link BackgroundTask}'s work is).
 * The work holds one extra connection of the pool while it runs.
 */
@SqlByDesign("A session-scoped advisory lock on a connection of its own is the single-runner guarantee")
public final class SingleRunner {

    private static final Logger log = LoggerFactory.getLogger(SingleRunner.class);

    private final DataSource dataSource;
    private final String job;

    /**
     * @param dataSource the service's database (every replica's pool reaches the same server)
     * @param job        the job's name: replicas running the same name exclude each other
     */
    public SingleRunner(DataSource dataSource, String job) {
        this.dataSource = dataSource;
        this.job = "boxoffice-single-runner:" + job;
    }

    /** Runs the work if no other runner holds the job; false when one did and the work did not run. */
    public boolean runExclusively(Runnable work) {
        return callExclusively(() -> {
            work.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /**
     * Runs the work and returns its result if no other runner holds the job; empty when one did and the work did
     * not run.
     */
    public <T> Optional<T> callExclusively(Supplier<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            Boolean acquired = jdbc.sql("SELECT pg_try_advisory_lock(hashtextextended(?, 0))").param(job)
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(acquired)) {
                log.debug("{} is running elsewhere: round skipped", job);
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                release(jdbc, connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to run " + job, e);
        }
    }

    private void release(JdbcClient jdbc, Connection connection) {
        try {
            jdbc.sql("SELECT pg_advisory_unlock(hashtextextended(?, 0))").param(job).query(Boolean.class).single();
        } catch (RuntimeException e) {
            // A pooled connection must not go back still holding the lock: discard it, which ends its session.
            log.warn("{}: could not release its lock ({}); discarding the connection", job, e.toString());
            try {
                connection.abort(Runnable::run);
            } catch (SQLException aborted) {
                log.warn("{}: could not discard the connection: {}", job, aborted.toString());
            }
        }
    }
}
