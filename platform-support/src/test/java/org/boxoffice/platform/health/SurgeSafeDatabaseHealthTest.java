package org.boxoffice.platform.health;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class SurgeSafeDatabaseHealthTest {

    @Test
    void anUnreachableDatabaseIsDownWithinTheCheckTimeoutNotThePoolsWait() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nothing"); // nothing listens on port 1
        config.setUsername("postgres");
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(-1);
        try (HikariDataSource unreachable = new HikariDataSource(config)) {
            SurgeSafeDatabaseHealth health = new SurgeSafeDatabaseHealth(unreachable, Duration.ofMillis(500));

            // Far below the pool's 30 s wait for a connection: the check must not take that long.
            Health first = assertTimeoutPreemptively(Duration.ofSeconds(10), (org.junit.jupiter.api.function.ThrowingSupplier<Health>) health::health);
            Health second = assertTimeoutPreemptively(Duration.ofSeconds(10), (org.junit.jupiter.api.function.ThrowingSupplier<Health>) health::health);

            assertThat(first.getStatus()).isEqualTo(Status.DOWN);
            assertThat(second.getStatus()).isEqualTo(Status.DOWN);
        }
    }
}
