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
 */
@ConfigurationProperties("boxoffice.users")
public record UserProperties(
        @Nullable Path keysDir,
        @DefaultValue("30d") Duration keyRotationPeriod,
        @Nullable String adminEmail,
        @Nullable String adminPassword,
        @DefaultValue("30d") Duration refreshTokenLifetime,
        @DefaultValue Login login) {

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
}
