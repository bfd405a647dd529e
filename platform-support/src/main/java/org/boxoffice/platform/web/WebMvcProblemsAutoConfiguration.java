package org.boxoffice.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import tools.jackson.databind.json.JsonMapper;

/**
 * The servlet side of the platform: problem details for every error, the request size limit and the concurrency
 * limit (load shedding).
 * Runs before Boot's error auto-configuration so that its whitelabel error controller steps aside.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
@EnableConfigurationProperties(HttpLimitsProperties.class)
@Import({ ProblemDetailsExceptionHandler.class, ProblemErrorController.class })
public class WebMvcProblemsAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(HttpLimitsProperties limits, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(limits.maxRequestBody().toBytes(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Before the size limit, authentication and the idempotency filter: a refused request touches nothing. */
    @Bean
    @ConditionalOnExpression("${boxoffice.http.max-concurrent-requests:48} > 0")
    FilterRegistrationBean<ConcurrencyLimitFilter> concurrencyLimitFilter(HttpLimitsProperties limits, JsonMapper json,
            ObjectProvider<MeterRegistry> meters, @Value("${spring.application.name:service}") String service) {
        var registration = new FilterRegistrationBean<>(new ConcurrencyLimitFilter(limits.maxConcurrentRequests(),
                limits.priorityReserved(), limits.priorityPaths(), limits.maxQueueWait(), limits.busyRetryAfter(),
                service, json, meters.getIfAvailable(SimpleMeterRegistry::new)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }
}
