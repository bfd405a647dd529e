package org.boxoffice.booking.idempotency;

import java.time.Clock;

import org.boxoffice.booking.system.BookingProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

import tools.jackson.databind.json.JsonMapper;

/** Registers the Idempotency-Key filter after Spring Security (it scopes keys to the caller) and prunes old keys. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    private final IdempotencyRecords records;
    private final Clock clock;
    private final BookingProperties properties;

    IdempotencyConfiguration(IdempotencyRecords records, Clock clock, BookingProperties properties) {
        this.records = records;
        this.clock = clock;
        this.properties = properties;
    }

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JsonMapper json) {
        var registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(records, json, clock, properties.idempotencyAbandonedAfter()));
        registration.addUrlPatterns("/api/*");
        // Spring Security's chain runs at -100; the caller must be known to scope the key.
        registration.setOrder(0);
        return registration;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void pruneExpiredKeys() {
        records.deleteOlderThan(clock.instant().minus(properties.idempotencyRetention()));
    }
}
