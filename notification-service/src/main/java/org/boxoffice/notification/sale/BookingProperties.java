package org.boxoffice.notification.sale;

import java.net.URI;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where booking-service answers for the invoices this service attaches ({@code boxoffice.notification.booking.*}).
 *
 * @param url            booking-service's base URL ({@code BOXOFFICE_BOOKING_URL})
 * @param connectTimeout how long connecting may take
 * @param readTimeout    how long the PDF may take to arrive
 */
@Validated
@ConfigurationProperties("boxoffice.notification.booking")
public record BookingProperties(@DefaultValue("http://127.0.0.1:8082") @NotNull URI url,
        @DurationMin(millis = 1) @DefaultValue("2s") Duration connectTimeout,
        @DurationMin(millis = 1) @DefaultValue("10s") Duration readTimeout) {
}
