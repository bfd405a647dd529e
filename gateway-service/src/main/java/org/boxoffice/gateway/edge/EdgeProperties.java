package org.boxoffice.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's edge settings.
 *
 * @param corsAllowedOrigins browser origins allowed to call the API (none by default: same-origin only)
 * @param rateLimit          request budgets per client
 */
@ConfigurationProperties("boxoffice.gateway.edge")
public record EdgeProperties(@DefaultValue List<String> corsAllowedOrigins, @DefaultValue RateLimit rateLimit) {

    /**
     * Fixed-window budgets counted in Redis, shared by every gateway replica.
     *
     * @param window                 length of a window; a refused client waits for its end ({@code Retry-After})
     * @param authenticatedPerWindow requests per user (token subject)
     * @param anonymousPerWindow     requests per client address without a token
     * @param credentialsPerWindow   login and registration attempts per client address: guessing stays slow
     * @param credentialPaths        the paths under the credentials budget
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("60s") Duration window,
            @DefaultValue("600") int authenticatedPerWindow,
            @DefaultValue("120") int anonymousPerWindow,
            @DefaultValue("10") int credentialsPerWindow,
            @DefaultValue({ "/api/v1/auth/login", "/api/v1/auth/register" }) List<String> credentialPaths) {
    }
}
