package org.boxoffice.analytics.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling refreshes the business metrics from the read model. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AnalyticsConfiguration {
}
