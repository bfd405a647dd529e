package org.boxoffice.platform.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * How a service validates bearer tokens and what it leaves open.
 *
 * @param jwksUri     where user-service publishes its signing keys ({@code BOXOFFICE_JWT_JWKS_URI})
 * @param issuer      the {@code iss} every token must carry ({@code BOXOFFICE_JWT_ISSUER})
 * @param audience    the {@code aud} every token must contain
 * @param publicPaths the service's own anonymous endpoints, each {@code "METHOD /pattern"} or {@code "/pattern"},
 *                    beside the platform's (probes, metrics, API docs, /error)
 * @param tokenCache  how many verified tokens are remembered, and for how long at most ({@link VerifiedTokens})
 */
@Validated
@ConfigurationProperties("boxoffice.security")
public record SecurityProperties(
        @DefaultValue("http://127.0.0.1:8081/.well-known/jwks.json") @NotNull URI jwksUri,
        @DefaultValue("http://127.0.0.1:8081") @NotBlank String issuer,
        @DefaultValue(TokenClaims.AUDIENCE) @NotBlank String audience,
        @DefaultValue List<String> publicPaths,
        @DefaultValue @Valid TokenCache tokenCache) {

    public SecurityProperties {
        for (String path : publicPaths) {
            PublicPath.parse(path);
        }
    }

    /**
     * The verified-token cache: at most {@code maximumSize} tokens (about 1 KiB each), each for at most
     * {@code maxAge} and never past its own expiry. {@code maximumSize} 0 turns it off.
     */
    public record TokenCache(@DefaultValue("20000") @PositiveOrZero int maximumSize,
            @DurationMin(millis = 0) @DefaultValue("5m") Duration maxAge) {

        public TokenCache {
            if (maximumSize < 0) {
                throw new IllegalArgumentException("boxoffice.security.token-cache.maximum-size must be 0 or more");
            }
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("boxoffice.security.token-cache.max-age must not be negative");
            }
        }
    }
}
