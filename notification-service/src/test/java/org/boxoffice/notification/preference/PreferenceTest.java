package org.boxoffice.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class PreferenceTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final String PHONE = "+4915112345678";

    @Test
    void aBuyerWhoNeverChoseGetsEmailOnly() {
        Preference defaults = Preference.defaults(UUID.randomUUID(), Locale.GERMAN);

        assertThat(defaults.locale()).isEqualTo(Locale.GERMAN);
        assertThat(defaults.smsOptIn()).isFalse();
        assertThat(defaults.whatsappOptIn()).isFalse();
        assertThat(defaults.phone()).isNull();
    }

    @Test
    void optingInToTextsNeedsAPhoneNumber() {
        assertThatThrownBy(() -> Preference.chosen(UUID.randomUUID(), "en", true, false, null, NOW))
                .isInstanceOf(InvalidPreference.class).hasMessageContaining("phone");
        assertThatThrownBy(() -> Preference.chosen(UUID.randomUUID(), "en", false, true, null, NOW))
                .isInstanceOf(InvalidPreference.class).hasMessageContaining("phone");
    }

    @Test
    void refusesALocaleWithoutMessages() {
        assertThatThrownBy(() -> Preference.chosen(UUID.randomUUID(), "xx", false, false, null, NOW))
                .isInstanceOf(InvalidPreference.class).hasMessageContaining("locale");
    }

    @Test
    void aConfirmedNumberStaysConfirmedWhileItIsKept() {
        Preference preference = Preference.chosen(UUID.randomUUID(), "en", true, false, PHONE, NOW);
        assertThat(preference.confirmPhone(PHONE, NOW)).isTrue();

        preference.choose("de", true, true, PHONE, NOW);

        assertThat(preference.phoneVerified()).isTrue();
        assertThat(preference.locale()).isEqualTo(Locale.GERMAN);
    }

    @Test
    void aNewNumberWaitsForItsCode() {
        Preference preference = Preference.chosen(UUID.randomUUID(), "en", true, false, PHONE, NOW);
        preference.confirmPhone(PHONE, NOW);

        preference.choose("en", true, false, "+4915187654321", NOW);

        assertThat(preference.phoneVerified()).isFalse();
    }

    @Test
    void aCodeForANumberNoLongerTheBuyersConfirmsNothing() {
        Preference preference = Preference.chosen(UUID.randomUUID(), "en", true, false, "+4915187654321", NOW);

        assertThat(preference.confirmPhone(PHONE, NOW)).isFalse();
        assertThat(preference.phoneVerified()).isFalse();
    }
}
