package org.boxoffice.platform.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/**
 * One anonymous endpoint: a path pattern, optionally restricted to one method ({@code "POST /api/v1/auth/login"}).
 *
 * @param method null for every method
 */
public record PublicPath(@Nullable HttpMethod method, String pattern) {

    /**
     * What every service leaves open: probes, health, metrics (restricted by NetworkPolicy), API docs, errors, and the
     * public keys it signs its events with.
     */
    public static final List<String> PLATFORM = List.of("/livez", "/readyz", "/actuator/health/**",
            "/actuator/prometheus", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error",
            "/.well-known/event-keys");

    /** Parses {@code "/pattern"} or {@code "METHOD /pattern"}; rejects anything else at startup. */
    public static PublicPath parse(String spec) {
        String[] parts = spec.trim().split("\\s+");
        if (parts.length == 1 && parts[0].startsWith("/")) {
            return new PublicPath(null, parts[0]);
        }
        if (parts.length == 2 && parts[1].startsWith("/") && parts[0].matches("[A-Z]+")) {
            return new PublicPath(HttpMethod.valueOf(parts[0]), parts[1]);
        }
        throw new IllegalArgumentException(
                "boxoffice.security.public-paths entries are \"/pattern\" or \"METHOD /pattern\", got \"" + spec + "\"");
    }
}
