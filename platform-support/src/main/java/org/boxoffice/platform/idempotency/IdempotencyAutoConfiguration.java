package org.boxoffice.platform.idempotency;

import java.time.Clock;

import javax.sql.DataSource;

import org.boxoffice.platform.background.SingleRunner;
import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.events.EventsAutoConfiguration;
import org.boxoffice.platform.events.PlatformTables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * The Idempotency-Key filter for every servlet service with PostgreSQL: on {@code /api/*}, after Spring Security (the
 * key is scoped to the caller), with hourly pruning. Off with {@code boxoffice.idempotency.enabled=false}; a service
 * that still registers its own filter bean named {@code idempotencyFilter} keeps it, and this one stays out of the way
 * (two filters on one table would see each other's claims as concurrent duplicates).
 */
@AutoConfiguration(after = EventsAutoConfiguration.class, afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration" })
@SqlByDesign("Wires the idempotency records on JDBC")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ JdbcClient.class, FilterRegistrationBean.class })
@ConditionalOnBean({ DataSource.class, PlatformTransactionManager.class })
@ConditionalOnProperty(prefix = "boxoffice.idempotency", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyAutoConfiguration {

    /** Spring Security's filter chain is registered at -100: the caller must be known before the key is scoped. */
    static final int FILTER_ORDER = 0;

    /** The table lives with the platform tables; a service without the event bus still needs them created. */
    @Bean
    @ConditionalOnMissingBean
    PlatformTables idempotencyPlatformTables(DataSource dataSource, @Value("${boxoffice.db.schema}") String schema,
            ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
        return new PlatformTables(dataSource, schema, serviceMigrations);
    }

    @Bean
    IdempotencyRecords platformIdempotencyRecords(PlatformTables tables, DataSource dataSource,
            PlatformTransactionManager transactionManager) {
        return new IdempotencyRecords(JdbcClient.create(dataSource), transactionManager);
    }

    @Bean
    @ConditionalOnMissingBean(name = "idempotencyFilter")
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyRecords records, JsonMapper json,
            IdempotencyProperties properties, ObjectProvider<Clock> clock) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(records, json,
                clock.getIfAvailable(Clock::systemUTC), properties.abandonedAfter(), properties.excludedPaths(),
                properties.unfingerprintedFields()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Bean
    IdempotencyPruner platformIdempotencyPruner(IdempotencyRecords records, IdempotencyProperties properties,
            ObjectProvider<Clock> clock, DataSource dataSource, @Value("${boxoffice.db.schema}") String schema) {
        return new IdempotencyPruner(records, clock.getIfAvailable(Clock::systemUTC), properties.retention(),
                properties.pruneInterval(), new SingleRunner(dataSource, "idempotency-pruner:" + schema));
    }
}
