package org.boxoffice.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The routing table: for each downstream service, where it listens and which path patterns it serves. The gateway
 * also exposes each service's OpenAPI document at {@code /v3/api-docs/<service>}.
 *
 * @param services by service name (e.g. {@code booking-service})
 */
@ConfigurationProperties("boxoffice.gateway")
public record ServiceRoutes(Map<String, Service> services) {

    /**
     * @param url   base URL of the service (from {@code BOXOFFICE_<SERVICE>_URL})
     * @param paths   Spring path patterns it serves, such as {@code /api/v1/events/**}
     * @param timeout longest wait for its response; past it the caller gets a 504 problem and the circuit breaker
     *                counts a failure
     */
    public record Service(URI url, List<String> paths, @DefaultValue("10s") Duration timeout) {
        public Service {
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("a routed service needs at least one path pattern");
            }
        }
    }
}
