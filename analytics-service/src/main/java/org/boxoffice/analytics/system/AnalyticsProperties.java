package org.boxoffice.analytics.system;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * analytics-service settings.
 *
 * @param metricsRefresh  how often the business metrics are re-read from the read model
 * @param maxSeriesPoints most buckets one time-series request may ask for (a week of minutes by default)
 */
@Validated
@ConfigurationProperties("boxoffice.analytics")
public record AnalyticsProperties(
        @DurationMin(millis = 1) @DefaultValue("10s") Duration metricsRefresh,
        @DefaultValue("10080") @Positive int maxSeriesPoints) {
}
