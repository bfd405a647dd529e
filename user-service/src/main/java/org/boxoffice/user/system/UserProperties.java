package org.boxoffice.user.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * user-service's settings.
 *
 * @param keysDir              directory of PEM private keys that sign tokens ({@code BOXOFFICE_JWT_KEYS_DIR}); when
 *                             empty, keys are generated and kept in the database (local run)
 * @param keyRotationPeriod    age after which a generated signing key is replaced (database keys only)
 * @param adminEmail           the first admin's email ({@code BOXOFFICE_ADMIN_EMAIL}); no admin is created without it
 * @param adminPassword        the first admin's password ({@code BOXOFFICE_ADMIN_PASSWORD}); required with the email
 * @param promoteExistingAdmin whether an existing account with the admin email that is not an admin may be made one
 *                             at start-up ({@code BOXOFFICE_ADMIN_PROMOTE_EXISTING}); without it start-up fails, since
 *                             whoever registered that address first would become admin
 * @param refreshTokenLifetime how long a refresh token may be used
 * @param trustedProxies       address ranges (CIDR) of the gateway, the only proxy whose {@code X-Forwarded-For} is
 *                             believed ({@code BOXOFFICE_USERS_TRUSTEDPROXIES}); the default, loopback and the
 *                             private ranges, is narrowed in Kubernetes by the NetworkPolicy to the gateway and the
 *                             services
 * @param login                failed-login throttling
 * @param hashing              password hashing: cost, and how much of it runs at once
 */
@Validated
@ConfigurationProperties("boxoffice.users")
public record UserProperties(
        @Nullable Path keysDir,
        @DurationMin(millis = 1) @DefaultValue("30d") Duration keyRotationPeriod,
        @Nullable String adminEmail,
        @Nullable String adminPassword,
        @DefaultValue("false") boolean promoteExistingAdmin,
        @DurationMin(millis = 1) @DefaultValue("30d") Duration refreshTokenLifetime,
        @DefaultValue({ "127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7" })
        List<String> trustedProxies,
        @DefaultValue @Valid Login login,
        @DefaultValue @Valid Hashing hashing) {

    /**
     * Failed logins slow down the one (account, client) pair that fails and cap one client across accounts; nothing
     * is counted per account alone, so that failures from one client never keep the account's owner out on another.
     *
     * @param window               a pair's or a client's failures are forgotten after this long without a failure;
     *                             also how long a client over {@code maxFailuresPerClient} waits
     * @param freeFailures         failures of one (account, client) pair before it has to wait
     * @param firstDelay           the pair's wait after its first failure beyond the free ones; each further failure
     *                             doubles it
     * @param maxDelay             the longest wait of a pair; shorter than {@code window}, or waiting it out would
     *                             also wipe the count
     * @param maxFailuresPerClient failed logins from one client address (IPv6: one /64), across accounts, before it
     *                             waits out the window — sized for an office or campus behind one NAT
     */
    public record Login(
            @DurationMin(millis = 1) @DefaultValue("15m") Duration window,
            @DefaultValue("3") @PositiveOrZero int freeFailures,
            @DurationMin(millis = 0) @DefaultValue("1s") Duration firstDelay,
            @DurationMin(millis = 1) @DefaultValue("5m") Duration maxDelay,
            @DefaultValue("100") @Positive int maxFailuresPerClient) {

        public Login {
            if (maxDelay.compareTo(window) >= 0) {
                throw new IllegalArgumentException("boxoffice.users.login.max-delay (" + maxDelay
                        + ") must be shorter than boxoffice.users.login.window (" + window + ")");
            }
            if (freeFailures < 0 || maxFailuresPerClient < 1 || firstDelay.isNegative()) {
                throw new IllegalArgumentException("boxoffice.users.login: free-failures must be 0 or more,"
                        + " max-failures-per-client 1 or more, first-delay not negative");
            }
        }

        /** How long a pair waits after its {@code failures}-th failure in a row. */
        public Duration delayAfter(int failures) {
            int beyond = failures - freeFailures;
            if (beyond <= 0) {
                return Duration.ZERO;
            }
            if (beyond > 31) {
                return maxDelay;
            }
            Duration delay = firstDelay.multipliedBy(1L << (beyond - 1));
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    /**
     * Password hashing (bcrypt) is deliberately slow CPU work. Run unbounded under a surge of logins it queues every
     * request behind every other until callers time out; bounded, the requests over the limit are told to come back.
     *
     * @param bcryptCost    bcrypt's work factor (2^cost rounds) for new hashes: 10 by default, OWASP's minimum; 10 to
     *                      31. Existing hashes keep the cost they were made with.
     * @param maxConcurrent hashes computed at once; 0 (default) means one per available processor
     * @param maxWait       how long a request waits for a free slot before it is answered {@code 429}
     * @param retryAfter    the {@code Retry-After} given with that {@code 429}
     */
    public record Hashing(
            @DefaultValue("10") @Min(10) @Max(31) int bcryptCost,
            @DefaultValue("0") @PositiveOrZero int maxConcurrent,
            @DurationMin(millis = 0) @DefaultValue("200ms") Duration maxWait,
            @DurationMin(seconds = 1) @DefaultValue("1s") Duration retryAfter) {

        public Hashing {
            if (bcryptCost < 10 || bcryptCost > 31) {
                throw new IllegalArgumentException("boxoffice.users.hashing.bcrypt-cost must be 10 to 31, not "
                        + bcryptCost);
            }
        }

        /** {@link #maxConcurrent}, or the number of processors when it is 0 or less. */
        public int permits() {
            return maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        }
    }
}
