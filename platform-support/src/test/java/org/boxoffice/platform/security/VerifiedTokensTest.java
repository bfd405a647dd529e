package org.boxoffice.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verified-token cache: one signature check per token, never a token past its expiry, never a failure kept. */
class VerifiedTokensTest {

    private final AtomicLong nanos = new AtomicLong();
    private Instant now = Instant.parse("2026-12-02T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final Ticker ticker = nanos::get;
    private final AtomicInteger verifications = new AtomicInteger();

    private VerifiedTokens tokens(int size, Duration maxAge) {
        return new VerifiedTokens(new SecurityProperties.TokenCache(size, maxAge), clock, ticker);
    }

    private void advance(Duration duration) {
        now = now.plus(duration);
        nanos.addAndGet(duration.toNanos());
    }

    /** Verifies by counting; the token "bad" fails; every other token expires {@code 60 s} after "now". */
    private JwtDecoder delegate() {
        return token -> {
            verifications.incrementAndGet();
            if (token.startsWith("bad")) {
                throw new BadJwtException("signature does not verify");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject(token).issuedAt(now)
                    .expiresAt(now.plusSeconds(60)).build();
        };
    }

    @Test
    void verifiesEachTokenOnce() {
        JwtDecoder decoder = tokens(100, Duration.ofMinutes(5)).servlet(delegate());

        for (int i = 0; i < 50; i++) {
            assertThat(decoder.decode("buyer-a").getSubject()).isEqualTo("buyer-a");
            decoder.decode("buyer-b");
        }

        assertThat(verifications).hasValue(2);
    }

    @Test
    void verifiesAgainOnceTheTokenHasExpired() {
        JwtDecoder decoder = tokens(100, Duration.ofMinutes(5)).servlet(delegate());
        decoder.decode("buyer");

        advance(Duration.ofSeconds(59));
        decoder.decode("buyer");
        assertThat(verifications).as("still valid: served from the cache").hasValue(1);

        advance(Duration.ofSeconds(2));
        decoder.decode("buyer");
        assertThat(verifications).as("past exp: verified again, not served").hasValue(2);
    }

    @Test
    void neverServesATokenPastItsExpiryEvenWhenTheTickerLags() {
        VerifiedTokens cache = tokens(100, Duration.ofMinutes(5));
        JwtDecoder decoder = cache.servlet(delegate());
        decoder.decode("buyer");

        now = now.plusSeconds(61); // the wall clock moves, the cache's ticker does not (a suspended VM)
        decoder.decode("buyer");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void remembersATokenNoLongerThanTheMaximumAge() {
        JwtDecoder decoder = tokens(100, Duration.ofSeconds(10)).servlet(delegate());
        decoder.decode("buyer");

        advance(Duration.ofSeconds(11));
        decoder.decode("buyer");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void neverRemembersATokenThatFailed() {
        JwtDecoder decoder = tokens(100, Duration.ofMinutes(5)).servlet(delegate());

        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad-token")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }

    @Test
    void staysWithinItsBound() {
        VerifiedTokens cache = tokens(10, Duration.ofMinutes(5));
        JwtDecoder decoder = cache.servlet(delegate());

        for (int i = 0; i < 1_000; i++) {
            decoder.decode("buyer-" + i);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void theReactiveDecoderVerifiesEachTokenOnceToo() {
        JwtDecoder blocking = delegate();
        ReactiveJwtDecoder decoder = tokens(100, Duration.ofMinutes(5))
                .reactive(token -> Mono.fromCallable(() -> blocking.decode(token)));

        for (int i = 0; i < 20; i++) {
            assertThat(decoder.decode("buyer").block().getSubject()).isEqualTo("buyer");
        }
        assertThatThrownBy(() -> decoder.decode("bad-token").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("bad-token").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(3);
    }
}
