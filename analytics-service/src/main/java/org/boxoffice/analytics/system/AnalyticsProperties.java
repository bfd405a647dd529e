package org.boxoffice.analytics.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * analytics-service settings.
 *
 * @param metricsRefresh  how often the business metrics are re-read from the read model
 * @param maxSeriesPoints most buckets one time-series request may ask for (a week of minutes by default)
 */
@ConfigurationProperties("boxoffice.analytics")
public record AnalyticsProperties(
        @DefaultValue("10s") Duration metricsRefresh,
        @DefaultValue("10080") int maxSeriesPoints) {
}
