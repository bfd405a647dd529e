package org.boxoffice.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries are worked off ({@code boxoffice.notification.delivery.*}, docs/notifications.md).
 *
 * @param maxAttempts          attempts before a delivery is FAILED
 * @param initialBackoff       wait after the first failed attempt; doubled (with jitter) after each further one
 * @param maxBackoff           longest wait between attempts
 * @param lease                how long a claimed delivery is a worker's; after that another replica may take it
 * @param pollInterval         a lane's wait when nothing is due
 * @param transactionalBatch   deliveries a transactional worker claims at once
 * @param bulkBatch            deliveries per announcement batch
 * @param bulkPause            pause between announcement batches, so providers are not flooded
 * @param breaker              the circuit breaker in front of each channel's provider
 */
@ConfigurationProperties("boxoffice.notification.delivery")
public record DeliveryProperties(@DefaultValue("5") int maxAttempts, @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("5m") Duration maxBackoff, @DefaultValue("2m") Duration lease,
        @DefaultValue("250ms") Duration pollInterval, @DefaultValue("20") int transactionalBatch,
        @DefaultValue("50") int bulkBatch, @DefaultValue("1s") Duration bulkPause,
        @DefaultValue("true") boolean autoStartup, @DefaultValue Breaker breaker) {

    /**
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * @param window               calls the failure rate is measured over
     * @param minimumCalls         calls before the rate counts
     * @param openFor              how long the breaker stays open before it lets a trial call through
     */
    public record Breaker(@DefaultValue("50") float failureRateThreshold, @DefaultValue("10") int window,
            @DefaultValue("5") int minimumCalls, @DefaultValue("30s") Duration openFor) {
    }
}
