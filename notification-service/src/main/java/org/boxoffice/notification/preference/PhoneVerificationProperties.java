package org.boxoffice.notification.preference;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * Phone number confirmation ({@code boxoffice.notification.phone-verification.*}).
 *
 * @param codeLifetime          how long a code can be used
 * @param maxAttempts           guesses per code
 * @param resendAfter           the shortest wait between two codes for one buyer
 * @param codesPerBuyerPerHour  codes one buyer may ask for in an hour
 * @param codesPerNumberPerDay  codes one number may be sent in a day, whoever asks
 */
@Validated
@ConfigurationProperties("boxoffice.notification.phone-verification")
public record PhoneVerificationProperties(
        @DurationMin(millis = 1) @DefaultValue("10m") Duration codeLifetime,
        @DefaultValue("5") @Positive int maxAttempts,
        @DurationMin(millis = 0) @DefaultValue("60s") Duration resendAfter,
        @DefaultValue("5") @Positive int codesPerBuyerPerHour,
        @DefaultValue("5") @Positive int codesPerNumberPerDay) {
}
