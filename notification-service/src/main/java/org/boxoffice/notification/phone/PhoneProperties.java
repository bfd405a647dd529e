package org.boxoffice.notification.phone;

import java.net.URI;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;

/**
 * The SMS and WhatsApp providers ({@code boxoffice.notification.sms.*}, {@code boxoffice.notification.whatsapp.*}).
 * A channel whose {@code endpoint} is not set is off: no deliveries are planned for it.
 */
@Validated
@ConfigurationProperties("boxoffice.notification")
public record PhoneProperties(@DefaultValue @Valid Provider sms, @DefaultValue @Valid Provider whatsapp) {

    /**
     * A Twilio-style messages API: {@code POST {endpoint}/2010-04-01/Accounts/{accountSid}/Messages.json} with a form
     * of {@code To}, {@code From}, {@code Body}, authenticated with HTTP Basic {@code accountSid:authToken}.
     *
     * @param addressPrefix prefixed to both numbers ({@code whatsapp:} for WhatsApp)
     */
    public record Provider(@Nullable URI endpoint, @DefaultValue("") String accountSid,
            @DefaultValue("") String authToken, @DefaultValue("") String from, @DefaultValue("") String addressPrefix,
            @DurationMin(millis = 1) @DefaultValue("5s") Duration timeout) {
    }
}
