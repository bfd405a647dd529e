package org.boxoffice.booking.prescale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * How booking-service estimates an on-sale's demand ({@code boxoffice.booking.prescaling.*}).
 *
 * @param buyersPerTicket buyers expected per ticket on sale when nobody is queued yet: how oversubscribed on-sales
 *                        usually are (3: three buyers try for each ticket)
 */
@Validated
@ConfigurationProperties("boxoffice.booking.prescaling")
public record OnSaleDemandProperties(@DefaultValue("3") @Positive int buyersPerTicket) {

    public OnSaleDemandProperties {
        if (buyersPerTicket < 1) {
            throw new IllegalArgumentException("boxoffice.booking.prescaling.buyers-per-ticket must be positive");
        }
    }
}
