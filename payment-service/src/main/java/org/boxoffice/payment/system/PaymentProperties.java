package org.boxoffice.payment.system;

import java.net.URI;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * payment-service settings.
 *
 * @param bookingUrl             booking-service's base URL ({@code BOXOFFICE_BOOKING_URL})
 * @param bookingConnectTimeout  connect timeout for calls to booking-service
 * @param bookingReadTimeout     how long to wait for booking-service's answer
 * @param reconciliationInterval how often the provider's ledger is compared with our payments
 * @param reconciliationWindow   how far back reconciliation looks
 * @param refundRetryInterval    how often refunds still waiting for the provider are retried
 * @param backgroundJobs         whether the refund worker and scheduled reconciliation run (tests drive them by hand)
 */
@Validated
@ConfigurationProperties("boxoffice.payment")
public record PaymentProperties(
        @DefaultValue("http://127.0.0.1:8082") @NotNull URI bookingUrl,
        @DurationMin(millis = 1) @DefaultValue("1s") Duration bookingConnectTimeout,
        @DurationMin(millis = 1) @DefaultValue("3s") Duration bookingReadTimeout,
        @DurationMin(millis = 1) @DefaultValue("10m") Duration reconciliationInterval,
        @DurationMin(millis = 1) @DefaultValue("7d") Duration reconciliationWindow,
        @DurationMin(millis = 1) @DefaultValue("2s") Duration refundRetryInterval,
        @DefaultValue("true") boolean backgroundJobs) {
}
