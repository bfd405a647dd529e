package org.boxoffice.notification.preference;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** What the API shows of a buyer's preferences. */
public record PreferenceView(Locale locale, boolean smsOptIn, boolean whatsappOptIn, @Nullable String phone,
        boolean phoneVerified) {

    static PreferenceView of(Preference preference) {
        return new PreferenceView(preference.locale(), preference.smsOptIn(), preference.whatsappOptIn(),
                preference.phone(), preference.phoneVerified());
    }
}
