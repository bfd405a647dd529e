package org.boxoffice.user.verification;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * Email verification codes ({@code boxoffice.users.email-verification.*}).
 *
 * @param codeLifetime      how long a code can be used
 * @param maxAttempts       guesses per code
 * @param resendAfter       the shortest wait between two codes for one account
 * @param codesPerHour      codes one account may ask for in an hour
 */
@Validated
@ConfigurationProperties("boxoffice.users.email-verification")
public record EmailVerificationProperties(
        @DurationMin(millis = 1) @DefaultValue("30m") Duration codeLifetime,
        @DefaultValue("5") @Positive int maxAttempts,
        @DurationMin(millis = 0) @DefaultValue("60s") Duration resendAfter,
        @DefaultValue("5") @Positive int codesPerHour) {
}
