package org.boxoffice.notification.preference;

import java.time.Clock;
import java.util.Locale;

import org.boxoffice.notification.delivery.Contacts;
import org.boxoffice.notification.message.MessageLocales;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A buyer's own preferences. Reading or saving them also records the address in the buyer's token. */
@Service
public class PreferenceService {

    private final Preferences preferences;
    private final Contacts contacts;
    private final Clock clock;

    PreferenceService(Preferences preferences, Contacts contacts, Clock clock) {
        this.preferences = preferences;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Transactional
    public Preference get(CurrentUser buyer) {
        contacts.remember(buyer.id(), buyer.email(), clock.instant());
        return preferences.find(buyer.id()).orElse(Preference.defaults(buyer.id(), MessageLocales.DEFAULT));
    }

    @Transactional
    public Preference update(CurrentUser buyer, String locale, boolean smsOptIn, boolean whatsappOptIn,
            @Nullable String phone) {
        if (!MessageLocales.supported(locale)) {
            throw new InvalidPreference("locale", "must be one of " + MessageLocales.SUPPORTED);
        }
        if ((smsOptIn || whatsappOptIn) && phone == null) {
            throw new InvalidPreference("phone", "is required to opt in to SMS or WhatsApp");
        }
        Preference preference = new Preference(buyer.id(), Locale.forLanguageTag(locale), smsOptIn, whatsappOptIn, phone,
                null);
        contacts.remember(buyer.id(), buyer.email(), clock.instant());
        preferences.save(preference);
        // A number kept as it was stays confirmed; a new one waits for its code.
        return preferences.find(buyer.id()).orElseThrow();
    }
}
