package org.boxoffice.platform.events;

import java.security.PublicKey;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.boxoffice.platform.data.SqlByDesign;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * The event bus for every service that has PostgreSQL and Redis: platform tables, {@link Outbox},
 * {@link OutboxRelay}, {@link EventConsumers} and their metrics, the service's {@link EventSigner} and the
 * {@link TrustedEventKeys} of the producers it reads. Off with {@code boxoffice.events.enabled=false}.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.redisson.spring.starter.RedissonAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@SqlByDesign("Wires the outbox, relay and consumers on JDBC and gauges the outbox backlog with one count")
@ConditionalOnClass({ StringRedisTemplate.class, JdbcClient.class, Flyway.class })
@ConditionalOnBean({ DataSource.class, RedisConnectionFactory.class, PlatformTransactionManager.class })
@ConditionalOnProperty(prefix = "boxoffice.events", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties({ EventsProperties.class, EventSigningProperties.class })
public class EventsAutoConfiguration {

    /** This service's signing key: required, since a consumer would reject anything it published unsigned. */
    @Bean
    EventSigner eventSigner(EventSigningProperties signing, EventsProperties properties) {
        String key = signing.privateKey();
        if (key == null || key.isBlank()) {
            throw new IllegalStateException(properties.producer() + " has no event signing key: set"
                    + " BOXOFFICE_EVENTS_SIGNING_KEY (boxoffice.events.signing.private-key) to an Ed25519 private key,"
                    + " e.g. from `openssl genpkey -algorithm ed25519`, and give its public key to the services that"
                    + " read this service's events (docs/events.md, \"Trust\")");
        }
        return new EventSigner(EventKeys.privateKey(key));
    }

    @Bean
    TrustedEventKeys trustedEventKeys(EventSigningProperties signing, RestClient.Builder http,
            ClientHttpRequestFactoryBuilder<?> requests, JsonMapper json, ObjectProvider<Clock> clock) {
        return new TrustedEventKeys(signing.trustedKeys(), signing.keyRefresh(), signing.keyFetchTimeout(), http,
                requests, json, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    PlatformTables platformTables(DataSource dataSource, @Value("${boxoffice.db.schema}") String schema,
            ObjectProvider<FlywayMigrationInitializer> serviceMigrations) {
        return new PlatformTables(dataSource, schema, serviceMigrations);
    }

    @Bean
    TraceHandoff traceHandoff(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceHandoff(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    Outbox outbox(PlatformTables tables, DataSource dataSource, JsonMapper json, EventsProperties properties,
            TraceHandoff traces, ObjectProvider<Clock> clock, ObjectProvider<MeterRegistry> meters,
            ObjectProvider<OutboxRelay> relay) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Gauge.builder("boxoffice.outbox.backlog", () -> backlog(jdbc))
                .description("Committed events not yet published to their stream")
                .tag("producer", properties.producer())
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
        return new Outbox(jdbc, json, properties.producer(), traces, clock.getIfAvailable(Clock::systemUTC),
                () -> relay.ifAvailable(OutboxRelay::wakeAfterCommit));
    }

    @Bean
    OutboxRelay outboxRelay(PlatformTables tables, DataSource dataSource, PlatformTransactionManager transactionManager,
            StringRedisTemplate redis, EventsProperties properties, EventSigner signer, JsonMapper json,
            ObjectProvider<MeterRegistry> meters, Clock clock) {
        return new OutboxRelay(new JdbcTemplate(dataSource), new TransactionTemplate(transactionManager), redis,
                properties, signer, json, meters.getIfAvailable(SimpleMeterRegistry::new), clock);
    }

    @Bean
    EventConsumers eventConsumers(PlatformTables tables, DataSource dataSource,
            PlatformTransactionManager transactionManager, StringRedisTemplate redis, EventsProperties properties,
            List<EventHandler> handlers, TraceHandoff traces, TrustedEventKeys trusted, JsonMapper json,
            ObjectProvider<MeterRegistry> meters, Clock clock) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        EventDelivery delivery = new EventDelivery(redis, JdbcClient.create(dataSource),
                new TransactionTemplate(transactionManager), properties, handlers, traces, trusted, json, registry,
                clock);
        return new EventConsumers(redis, delivery, properties, trusted, registry, clock);
    }

    /** {@code GET /.well-known/event-keys}, where consumers in a cluster fetch this service's public keys. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(name = "org.springframework.web.bind.annotation.RestController")
    static class EventKeysEndpoint {

        @Bean
        EventKeysController eventKeysController(EventsProperties properties, EventSigner signer,
                EventSigningProperties signing) {
            List<PublicKey> published = java.util.Arrays.stream(signing.publishedKeys().split("[,\\s]+"))
                    .filter(key -> !key.isBlank()).map(EventKeys::publicKey).toList();
            return new EventKeysController(properties.producer(), signer, published);
        }
    }

    private static double backlog(JdbcClient jdbc) {
        try {
            return jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL").query(Long.class).single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
