package org.boxoffice.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

/**
 * Tokens whose signature and claims were verified, remembered so that a buyer polling during an on-sale costs one
 * signature check per token rather than one per request. Bounded (the least recently used go first); an entry lives
 * until the token's own {@code exp} or {@code maxAge}, whichever comes first, so a cached token is never accepted
 * after it expired; a token that failed verification is never remembered. A signing key withdrawn from the JWKS stops
 * new tokens at once and tokens already seen within {@code maxAge} (docs/security.md).
 */
public final class VerifiedTokens {

    private final Cache<String, Jwt> verified;
    private final Clock clock;

    public VerifiedTokens(SecurityProperties.TokenCache settings, Clock clock) {
        this(settings, clock, Ticker.systemTicker());
    }

    VerifiedTokens(SecurityProperties.TokenCache settings, Clock clock, Ticker ticker) {
        this.clock = clock;
        Duration maxAge = settings.maxAge();
        this.verified = Caffeine.newBuilder().maximumSize(settings.maximumSize()).ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt, maxAge)))
                .build();
    }

    /** A decoder that asks {@code delegate} only for tokens it has not verified yet. */
    public JwtDecoder servlet(JwtDecoder delegate) {
        return token -> {
            Jwt known = known(token);
            if (known != null) {
                return known;
            }
            Jwt jwt = delegate.decode(token);
            verified.put(token, jwt);
            return jwt;
        };
    }

    /** The reactive twin of {@link #servlet(JwtDecoder)}, for the gateway. */
    public ReactiveJwtDecoder reactive(ReactiveJwtDecoder delegate) {
        return token -> {
            Jwt known = known(token);
            return known != null ? Mono.just(known) : delegate.decode(token).doOnNext(jwt -> verified.put(token, jwt));
        };
    }

    private @Nullable Jwt known(String token) {
        Jwt jwt = verified.getIfPresent(token);
        // The cache's own expiry already ends the entry at exp; this guards against a ticker and a wall clock that
        // disagree (a suspended VM, an adjusted clock).
        if (jwt != null && jwt.getExpiresAt() != null && !jwt.getExpiresAt().isAfter(clock.instant())) {
            verified.invalidate(token);
            return null;
        }
        return jwt;
    }

    private Duration lifetime(Jwt jwt, Duration maxAge) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), expiresAt);
        if (left.isNegative()) {
            return Duration.ZERO;
        }
        return left.compareTo(maxAge) < 0 ? left : maxAge;
    }

    /** How many verified tokens are remembered right now (approximately; for tests and metrics). */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
