package org.boxoffice.gateway.routing;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds the gateway's routes from {@link ServiceRoutes}: the API paths, and one docs route per service. */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    static final String API_DOCS = "/v3/api-docs";

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, ServiceRoutes table) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        table.services().forEach((name, service) -> {
            routes.route(name, route -> route.path(service.paths().toArray(String[]::new)).uri(service.url()));
            routes.route(name + "-api-docs", route -> route.path(API_DOCS + "/" + name)
                    .filters(filter -> filter.setPath(API_DOCS))
                    .uri(service.url()));
        });
        return routes.build();
    }
}
