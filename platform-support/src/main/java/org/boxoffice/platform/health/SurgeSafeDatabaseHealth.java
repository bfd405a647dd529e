package org.boxoffice.platform.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

/**
 * PostgreSQL as the readiness probe must see it in a surge. Boot's {@code db} indicator borrows a connection from the
 * request pool and waits for one as long as a request would (Hikari's 30 s), while the probe gives up after 2 s: a
 * surge that keeps the pool busy would mark every replica not ready at once, and the load balancer would drop them
 * all exactly when they are needed. Here:
 * <ul>
 * <li>a pool whose every connection is in use is <em>busy</em>, not broken — those connections were checked when
 * they were opened, and requests are using them: {@code UP}, without borrowing one;</li>
 * <li>otherwise a connection is borrowed and validated, but the probe waits at most {@code timeout} (default 1 s,
 * below the probe's own timeout): no connection by then is {@code DOWN}. At most one check is in flight: probes
 * arriving meanwhile wait for the same one, so a stuck database does not pile up threads.</li>
 * </ul>
 * Liveness never calls this (docs/operations.md, "Probes").
 */
public final class SurgeSafeDatabaseHealth implements HealthIndicator {

    private final DataSource dataSource;
    private final Duration timeout;
    private final Executor checks = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicReference<@Nullable CompletableFuture<Health>> inFlight = new AtomicReference<>();

    public SurgeSafeDatabaseHealth(DataSource dataSource, Duration timeout) {
        this.dataSource = dataSource;
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Health busy = busyPool();
        if (busy != null) {
            return busy;
        }
        CompletableFuture<Health> check = inFlight.updateAndGet(current -> current == null || current.isDone()
                ? CompletableFuture.supplyAsync(this::check, checks) : current);
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Health busyNow = busyPool();
            return busyNow != null ? busyNow
                    : Health.down().withDetail("error", "no database connection within " + timeout.toMillis() + " ms")
                            .build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("error", String.valueOf(e.getCause())).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    /** {@code UP} when every connection of the pool is in use by requests; null when the pool has room or is unknown. */
    private @Nullable Health busyPool() {
        HikariDataSource hikari = hikari();
        HikariPoolMXBean pool = hikari == null ? null : hikari.getHikariPoolMXBean();
        if (pool == null) {
            return null;
        }
        int active = pool.getActiveConnections();
        if (active == 0 || pool.getIdleConnections() > 0 || pool.getTotalConnections() < hikari.getMaximumPoolSize()) {
            return null;
        }
        return Health.up().withDetail("pool", "busy").withDetail("active", active)
                .withDetail("waiting", pool.getThreadsAwaitingConnection()).build();
    }

    private @Nullable HikariDataSource hikari() {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class) ? dataSource.unwrap(HikariDataSource.class) : null;
        } catch (SQLException e) {
            return null;
        }
    }

    private Health check() {
        try (Connection connection = dataSource.getConnection()) {
            int seconds = (int) Math.max(1, timeout.toSeconds());
            if (!connection.isValid(seconds)) {
                return Health.down().withDetail("error", "connection not valid").build();
            }
            return Health.up().withDetail("database", connection.getMetaData().getDatabaseProductName()).build();
        } catch (SQLException e) {
            return Health.down().withDetail("error", e.getMessage()).build();
        }
    }
}
