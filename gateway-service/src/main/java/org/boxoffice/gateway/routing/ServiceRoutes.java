package org.boxoffice.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.boxoffice.platform.resilience.CircuitBreakerSettings;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * The routing table: for each downstream service, where it listens and which path patterns it serves. The gateway
 * also exposes each service's OpenAPI document at {@code /v3/api-docs/<service>}.
 *
 * @param services by service name (e.g. {@code booking-service})
 * @param breaker  the circuit breaker in front of each service, one per service, all alike
 *                 ({@code boxoffice.gateway.breaker.*}); a call as slow as the service's {@code timeout} counts as
 *                 slow unless it names its own threshold
 */
@Validated
@ConfigurationProperties("boxoffice.gateway")
public record ServiceRoutes(@NotEmpty Map<String, @Valid Service> services,
        @DefaultValue @Valid CircuitBreakerSettings breaker) {

    /**
     * @param url   base URL of the service (from {@code BOXOFFICE_<SERVICE>_URL})
     * @param paths   Spring path patterns it serves, such as {@code /api/v1/events/**}
     * @param timeout longest wait for its response; past it the caller gets a 504 problem and the circuit breaker
     *                counts a failure
     */
    public record Service(@NotNull URI url, @NotEmpty List<String> paths,
            @DurationMin(millis = 1) @DefaultValue("10s") Duration timeout) {
        public Service {
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("a routed service needs at least one path pattern");
            }
        }
    }
}
