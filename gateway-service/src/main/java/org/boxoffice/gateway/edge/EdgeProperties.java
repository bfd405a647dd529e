package org.boxoffice.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The gateway's edge settings.
 *
 * @param corsAllowedOrigins browser origins allowed to call the API (none by default: same-origin only)
 * @param rateLimit          request budgets per client
 * @param trustedProxies     address ranges (CIDR, e.g. {@code 10.0.0.0/8}) of the proxies in front of the gateway
 *                           whose {@code X-Forwarded-For} is believed — the ingress controller's pods, a cloud load
 *                           balancer; none by default, so a client cannot choose its own address
 *                           ({@link ClientAddresses})
 * @param cache              the shared cache of public answers ({@link EdgeCache})
 */
@Validated
@ConfigurationProperties("boxoffice.gateway.edge")
public record EdgeProperties(@DefaultValue List<String> corsAllowedOrigins, @DefaultValue @Valid RateLimit rateLimit,
        @DefaultValue List<String> trustedProxies, @DefaultValue @Valid Cache cache) {

    /**
     * The edge's shared cache of answers the services mark {@code Cache-Control: public} ({@link EdgeCache}).
     *
     * @param enabled     whether the gateway answers from it at all
     * @param maxAge      the longest an answer is kept, whatever its {@code max-age} says
     * @param maxSize     memory for the kept answers (keys and bodies), least recently used first out
     * @param maxBodySize larger answers are passed through, not kept
     */
    public record Cache(
            @DefaultValue("true") boolean enabled,
            @DurationMin(millis = 0) @DefaultValue("30s") Duration maxAge,
            @DefaultValue("32MB") @NotNull DataSize maxSize,
            @DefaultValue("512KB") @NotNull DataSize maxBodySize) {
    }

    /**
     * Fixed-window budgets counted in Redis, shared by every gateway replica. A client is the address
     * {@link ClientAddresses} finds (an IPv6 client counts by its /64); one address may be a whole office, campus or
     * mobile carrier behind NAT, so the per-address budgets are sized for a crowd, not for one person: they stop a
     * flood from one address, while the per-account protection against guessing is user-service's.
     *
     * @param window                 length of a window; a refused client waits for its end ({@code Retry-After})
     * @param authenticatedPerWindow requests per user (token subject)
     * @param anonymousPerWindow     requests per client address without a token: 3,000 a minute (50/s) lets about 150
     *                               people behind one address browse at ~20 requests a minute each, while one
     *                               scraper's flood of cached reads stays cheap
     * @param credentialsPerWindow   login and registration attempts per client address: 60 a minute lets an office
     *                               log in together when a sale opens; user-service slows guessing per account and
     *                               client and caps failures per client
     * @param credentialPaths        the paths under the credentials budget
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @DurationMin(millis = 1) @DefaultValue("60s") Duration window,
            @DefaultValue("600") @Positive int authenticatedPerWindow,
            @DefaultValue("3000") @Positive int anonymousPerWindow,
            @DefaultValue("60") @Positive int credentialsPerWindow,
            @DefaultValue({ "/api/v1/auth/login", "/api/v1/auth/register" }) List<String> credentialPaths) {
    }
}
