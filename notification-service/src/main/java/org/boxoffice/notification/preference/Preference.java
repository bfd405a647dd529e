package org.boxoffice.notification.preference;

import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How a buyer wants to hear from Boxoffice besides email: messages in {@code locale}, and copies by SMS or WhatsApp
 * to {@code phone} (E.164) when opted in. Transactional messages always go by email as well.
 */
public record Preference(UUID buyerId, Locale locale, boolean smsOptIn, boolean whatsappOptIn, @Nullable String phone) {

    public Preference {
        if ((smsOptIn || whatsappOptIn) && phone == null) {
            throw new IllegalArgumentException("a phone number is needed to opt in to SMS or WhatsApp");
        }
    }

    public static Preference defaults(UUID buyerId, Locale locale) {
        return new Preference(buyerId, locale, false, false, null);
    }
}
