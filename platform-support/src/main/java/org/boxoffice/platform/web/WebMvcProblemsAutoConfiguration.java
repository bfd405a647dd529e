package org.boxoffice.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

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
                new RequestSizeLimitFilter(limits::maxBodyFor, json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /**
     * Tomcat answers requests it cannot parse (headers over the limit, an undecodable URI) itself, through the host's
     * error report valve: make that a problem too. Runs after Boot's customizer, whose plain valve it replaces.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = { "org.apache.catalina.valves.ErrorReportValve",
            "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory" })
    static class TomcatProblems {

        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemErrorReportValve() {
            return new OrderedTomcatCustomizer();
        }
    }

    static final class OrderedTomcatCustomizer
            implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableTomcatWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /**
     * A JSON number or boolean where the API expects text is refused ({@code malformed-request} naming the field),
     * not read as its digits: {@code "displayName": 123} is a client's mistake, not a name.
     */
    @Bean
    JsonMapperBuilderCustomizer textIsNotCoerced() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /**
     * A number with a fraction where the API expects a whole number is refused ({@code malformed-request} naming the
     * field), never rounded: {@code "amountMinor": 12.5} is not 12 minor units, {@code "quantity": 2.5} not 2 tickets.
     * Jackson would otherwise drop the fraction silently.
     */
    @Bean
    JsonMapperBuilderCustomizer fractionsAreNotTruncated() {
        return builder -> builder.withCoercionConfig(LogicalType.Integer, whole -> whole
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }

    /** Right after the size limit: a request whose {@code Accept} header cannot be parsed could not even be told so. */
    @Bean
    FilterRegistrationBean<AcceptHeaderFilter> acceptHeaderFilter(JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new AcceptHeaderFilter(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 11);
        return registration;
    }

    /**
     * Request parameters read as documented, else a 400 naming the parameter: instants as RFC 3339 date-times within
     * the years a database can store, and a single-valued parameter given once.
     */
    @Bean
    WebMvcConfigurer strictRequestParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addFormatters(FormatterRegistry registry) {
                registry.addConverter(new StorableInstantConverter());
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new RepeatedParameters());
            }
        };
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
