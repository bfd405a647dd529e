package org.boxoffice.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.PositiveOrZero;

/**
 * How many messages one buyer, and one address, may be sent ({@code boxoffice.notification.caps.*},
 * docs/notifications.md): whatever a buyer (or someone else, with the buyer's address) does, the platform cannot be
 * turned into a mail bomb or a paid-SMS amplifier. A message over a cap is recorded SUPPRESSED, not sent. SMS and
 * WhatsApp count separately, each under the "texts" numbers.
 *
 * @param emailsPerBuyerPerHour  emails one buyer may be sent in an hour
 * @param textsPerBuyerPerHour   SMS (and, separately, WhatsApp messages) one buyer may be sent in an hour
 * @param emailsPerAddressPerDay emails one address may receive in a day, whichever accounts they are for
 * @param textsPerNumberPerDay   SMS (and WhatsApp messages) one phone number may receive in a day
 */
@Validated
@ConfigurationProperties("boxoffice.notification.caps")
public record DeliveryCaps(
        @DefaultValue("20") @PositiveOrZero int emailsPerBuyerPerHour,
        @DefaultValue("5") @PositiveOrZero int textsPerBuyerPerHour,
        @DefaultValue("40") @PositiveOrZero int emailsPerAddressPerDay,
        @DefaultValue("10") @PositiveOrZero int textsPerNumberPerDay) {

    int perBuyerPerHour(Channel channel) {
        return channel == Channel.EMAIL ? emailsPerBuyerPerHour : textsPerBuyerPerHour;
    }

    int perRecipientPerDay(Channel channel) {
        return channel == Channel.EMAIL ? emailsPerAddressPerDay : textsPerNumberPerDay;
    }
}
