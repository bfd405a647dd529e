package org.boxoffice.notification.preference;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How a buyer wants to hear from Boxoffice besides email: messages in {@code locale}, and copies by SMS or WhatsApp
 * to {@code phone} (E.164) when opted in — sent only once the number is confirmed with a code
 * ({@code phoneVerifiedAt}). Transactional messages always go by email as well.
 *
 * @param phoneVerifiedAt when the buyer confirmed {@code phone}; null until then, and again after a new number
 */
public record Preference(UUID buyerId, Locale locale, boolean smsOptIn, boolean whatsappOptIn, @Nullable String phone,
        @Nullable Instant phoneVerifiedAt) {

    public Preference {
        if ((smsOptIn || whatsappOptIn) && phone == null) {
            throw new IllegalArgumentException("a phone number is needed to opt in to SMS or WhatsApp");
        }
        if (phone == null && phoneVerifiedAt != null) {
            throw new IllegalArgumentException("no phone number to be verified");
        }
    }

    public static Preference defaults(UUID buyerId, Locale locale) {
        return new Preference(buyerId, locale, false, false, null, null);
    }

    /** Whether texts may go to {@code phone}: its owner confirmed it with a code. */
    public boolean phoneVerified() {
        return phoneVerifiedAt != null;
    }
}
