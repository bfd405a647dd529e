package org.boxoffice.user.verification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Email verification codes ({@code boxoffice.users.email-verification.*}).
 *
 * @param codeLifetime      how long a code can be used
 * @param maxAttempts       guesses per code
 * @param resendAfter       the shortest wait between two codes for one account
 * @param codesPerHour      codes one account may ask for in an hour
 */
@ConfigurationProperties("boxoffice.users.email-verification")
public record EmailVerificationProperties(
        @DefaultValue("30m") Duration codeLifetime,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("60s") Duration resendAfter,
        @DefaultValue("5") int codesPerHour) {
}
