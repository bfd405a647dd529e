package org.boxoffice.gateway.routing;

import java.time.Duration;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * Builds the gateway's routes from {@link ServiceRoutes}: the API paths, and one docs route per service. Each API
 * route has the service's timeout, a circuit breaker named after the service whose fallback is a 503 (or 504)
 * problem, and retries for GETs only — retrying a POST could hold seats or charge twice.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    static final String API_DOCS = "/v3/api-docs";
    static final String FALLBACK = "/fallback/";

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, ServiceRoutes table) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        table.services().forEach((name, service) -> {
            routes.route(name, route -> route.path(service.paths().toArray(String[]::new))
                    .filters(filter -> filter
                            .circuitBreaker(breaker -> breaker.setName(name).setFallbackUri("forward:" + FALLBACK + name))
                            .retry(retry -> retry.setRetries(2).setMethods(HttpMethod.GET)
                                    .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                                    .setBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 2, true)))
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, service.timeout().toMillis())
                    .uri(service.url()));
            routes.route(name + "-api-docs", route -> route.path(API_DOCS + "/" + name)
                    .filters(filter -> filter.setPath(API_DOCS))
                    .uri(service.url()));
        });
        return routes.build();
    }

    /**
     * One breaker per service, as {@code boxoffice.gateway.breaker} says; a call as slow as the service's timeout
     * counts as slow unless the breaker names its own threshold. The route's response timeout ends a call that takes
     * longer (a 504); the breaker keeps no timer of its own per call.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceCircuitBreakers(ServiceRoutes table) {
        return factory -> table.services().forEach((name, service) -> factory.configure(breaker -> breaker
                .circuitBreakerConfig(table.breaker().config(service.timeout()).build()), name));
    }
}
