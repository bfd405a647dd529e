package org.boxoffice.platform.health;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Replaces Boot's {@code db} health contributor (same bean name, so Boot's backs off) with
 * {@link SurgeSafeDatabaseHealth}: a busy pool is ready, and the check waits at most
 * {@code boxoffice.health.database-timeout} (1 s, below the readiness probe's 2 s).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        beforeName = "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration")
@ConditionalOnClass({ HealthIndicator.class, HikariDataSource.class })
@ConditionalOnBean(DataSource.class)
public class SurgeSafeDatabaseHealthAutoConfiguration {

    @Bean("dbHealthContributor")
    HealthIndicator dbHealthContributor(DataSource dataSource,
            @Value("${boxoffice.health.database-timeout:1s}") Duration timeout) {
        return new SurgeSafeDatabaseHealth(dataSource, timeout);
    }
}
