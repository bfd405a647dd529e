package org.boxoffice.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.boxoffice.notification.delivery.Contacts;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.Role;
import org.boxoffice.platform.testing.JpaSliceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Preferences as Hibernate maps them onto the Flyway schema, on the real PostgreSQL; each call commits. */
@JpaSliceTest
@Import({ PreferenceService.class, Contacts.class, PreferenceMappingIT.Wiring.class })
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class PreferenceMappingIT {

    @TestConfiguration
    static class Wiring {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private static final String PHONE = "+4915112345678";

    @Autowired
    PreferenceService service;
    @Autowired
    Preferences preferences;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void storesWhatTheBuyerChoseAndKeepsAConfirmedNumberOnlyWhileItStays() {
        CurrentUser buyer = buyer();
        service.update(buyer, "de", true, false, PHONE);
        confirm(buyer.id(), PHONE);

        PreferenceView kept = service.update(buyer, "en", true, true, PHONE);
        assertThat(kept.phoneVerified()).isTrue();
        assertThat(kept.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(kept.whatsappOptIn()).isTrue();

        PreferenceView changed = service.update(buyer, "en", true, false, "+4915187654321");
        assertThat(changed.phoneVerified()).isFalse();
        assertThat(service.get(buyer)).isEqualTo(changed);
    }

    @Test
    void aBuyerWhoNeverChoseHasNoRowAndGetsTheDefaults() {
        CurrentUser buyer = buyer();

        PreferenceView defaults = service.get(buyer);

        assertThat(defaults.smsOptIn()).isFalse();
        assertThat(defaults.phone()).isNull();
        assertThat(preferences.findById(buyer.id())).isEmpty();
    }

    @Test
    void twoFirstSavesAtOnceBothSucceedAndOneRowRemains() throws Exception {
        CurrentUser buyer = buyer();
        Callable<PreferenceView> save = () -> service.update(buyer, "de", false, false, null);

        try (var threads = Executors.newFixedThreadPool(4)) {
            List<Future<PreferenceView>> saves = threads.invokeAll(List.of(save, save, save, save));
            for (Future<PreferenceView> saved : saves) {
                assertThat(saved.get().locale()).isEqualTo(Locale.GERMAN);
            }
        }
        assertThat(preferences.findById(buyer.id())).isPresent();
    }

    private void confirm(UUID buyerId, String phone) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            Preference preference = preferences.findForUpdate(buyerId).orElseThrow();
            assertThat(preference.confirmPhone(phone, Instant.now())).isTrue();
        });
    }

    private static CurrentUser buyer() {
        UUID id = UUID.randomUUID();
        return new CurrentUser(id, "buyer-" + id + "@example.org", EnumSet.of(Role.BUYER), Set.of());
    }
}
