package org.boxoffice.notification.preference;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Phone number confirmation ({@code boxoffice.notification.phone-verification.*}).
 *
 * @param codeLifetime          how long a code can be used
 * @param maxAttempts           guesses per code
 * @param resendAfter           the shortest wait between two codes for one buyer
 * @param codesPerBuyerPerHour  codes one buyer may ask for in an hour
 * @param codesPerNumberPerDay  codes one number may be sent in a day, whoever asks
 */
@ConfigurationProperties("boxoffice.notification.phone-verification")
public record PhoneVerificationProperties(
        @DefaultValue("10m") Duration codeLifetime,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("60s") Duration resendAfter,
        @DefaultValue("5") int codesPerBuyerPerHour,
        @DefaultValue("5") int codesPerNumberPerDay) {
}
