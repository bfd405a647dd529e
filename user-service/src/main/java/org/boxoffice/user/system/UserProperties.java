package org.boxoffice.user.system;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * user-service's settings.
 *
 * @param keysDir              directory of PEM private keys that sign tokens ({@code BOXOFFICE_JWT_KEYS_DIR}); when
 *                             empty, keys are generated and kept in the database (local run)
 * @param keyRotationPeriod    age after which a generated signing key is replaced (database keys only)
 * @param adminEmail           the first admin's email ({@code BOXOFFICE_ADMIN_EMAIL}); no admin is created without it
 * @param adminPassword        the first admin's password ({@code BOXOFFICE_ADMIN_PASSWORD}); required with the email
 * @param refreshTokenLifetime how long a refresh token may be used
 * @param login                failed-login throttling
 * @param hashing              how much password hashing runs at once
 */
@ConfigurationProperties("boxoffice.users")
public record UserProperties(
        @Nullable Path keysDir,
        @DefaultValue("30d") Duration keyRotationPeriod,
        @Nullable String adminEmail,
        @Nullable String adminPassword,
        @DefaultValue("30d") Duration refreshTokenLifetime,
        @DefaultValue Login login,
        @DefaultValue Hashing hashing) {

    /**
     * @param window              failures count within this window, which is also how long a blocked caller waits
     * @param maxFailuresPerAccount failed logins on one email before it is blocked for the window
     * @param maxFailuresPerIp    failed logins from one client address before it is blocked for the window
     */
    public record Login(
            @DefaultValue("15m") Duration window,
            @DefaultValue("5") int maxFailuresPerAccount,
            @DefaultValue("50") int maxFailuresPerIp) {
    }

    /**
     * Password hashing (bcrypt) is deliberately slow CPU work. Run unbounded under a surge of logins it queues every
     * request behind every other until callers time out; bounded, the requests over the limit are told to come back.
     *
     * @param maxConcurrent hashes computed at once; 0 (default) means one per available processor
     * @param maxWait       how long a request waits for a free slot before it is answered {@code 429}
     * @param retryAfter    the {@code Retry-After} given with that {@code 429}
     */
    public record Hashing(
            @DefaultValue("0") int maxConcurrent,
            @DefaultValue("200ms") Duration maxWait,
            @DefaultValue("1s") Duration retryAfter) {

        /** {@link #maxConcurrent}, or the number of processors when it is 0 or less. */
        public int permits() {
            return maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors();
        }
    }
}
