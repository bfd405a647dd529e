package org.boxoffice.notification.delivery;

import java.time.Duration;

import org.boxoffice.platform.resilience.CircuitBreakerSettings;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;

/**
 * How deliveries are worked off ({@code boxoffice.notification.delivery.*}, docs/notifications.md).
 *
 * @param maxAttempts          attempts before a delivery is FAILED
 * @param initialBackoff       wait after the first failed attempt; doubled (with jitter) after each further one
 * @param maxBackoff           longest wait between attempts
 * @param lease                how long a claimed delivery is a worker's; after that another replica may take it
 * @param pollInterval         a lane's wait when nothing is due: the fallback for retries coming due and leases
 *                             running out, since a commit that plans deliveries wakes its lane at once
 * @param transactionalBatch   deliveries a transactional worker claims at once
 * @param bulkBatch            deliveries per announcement batch
 * @param bulkPause            pause between announcement batches, so providers are not flooded
 * @param breaker              the circuit breaker in front of each channel's provider
 *                             ({@code boxoffice.notification.delivery.breaker.*})
 */
@Validated
@ConfigurationProperties("boxoffice.notification.delivery")
public record DeliveryProperties(@DefaultValue("5") @Positive int maxAttempts,
        @DurationMin(millis = 1) @DefaultValue("2s") Duration initialBackoff,
        @DurationMin(millis = 1) @DefaultValue("5m") Duration maxBackoff,
        @DurationMin(millis = 1) @DefaultValue("2m") Duration lease,
        @DurationMin(millis = 1) @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("20") @Positive int transactionalBatch, @DefaultValue("50") @Positive int bulkBatch,
        @DurationMin(millis = 0) @DefaultValue("1s") Duration bulkPause,
        @DefaultValue("true") boolean autoStartup, @DefaultValue @Valid CircuitBreakerSettings breaker) {
}
