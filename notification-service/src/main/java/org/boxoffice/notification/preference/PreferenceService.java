package org.boxoffice.notification.preference;

import java.time.Clock;

import org.boxoffice.notification.delivery.Contacts;
import org.boxoffice.notification.message.MessageLocales;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A buyer's own preferences. Reading or saving them also records the address in the buyer's token. Saving locks the
 * buyer's row, so it cannot interleave with a phone confirmation; a buyer's very first save racing another is
 * retried once, onto the row the other created.
 */
@Service
public class PreferenceService {

    private final Preferences preferences;
    private final Contacts contacts;
    private final Clock clock;
    private final TransactionTemplate transactions;

    PreferenceService(Preferences preferences, Contacts contacts, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.preferences = preferences;
        this.contacts = contacts;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public PreferenceView get(CurrentUser buyer) {
        return transactions.execute(status -> {
            contacts.remember(buyer.id(), buyer.email(), clock.instant());
            return PreferenceView.of(preferences.findById(buyer.id())
                    .orElse(Preference.defaults(buyer.id(), MessageLocales.DEFAULT)));
        });
    }

    public PreferenceView update(CurrentUser buyer, String locale, boolean smsOptIn, boolean whatsappOptIn,
            @Nullable String phone) {
        try {
            return save(buyer, locale, smsOptIn, whatsappOptIn, phone);
        } catch (DataIntegrityViolationException firstSaveRaced) {
            return save(buyer, locale, smsOptIn, whatsappOptIn, phone);
        }
    }

    private PreferenceView save(CurrentUser buyer, String locale, boolean smsOptIn, boolean whatsappOptIn,
            @Nullable String phone) {
        return transactions.execute(status -> {
            contacts.remember(buyer.id(), buyer.email(), clock.instant());
            Preference preference = preferences.findForUpdate(buyer.id())
                    .map(existing -> {
                        existing.choose(locale, smsOptIn, whatsappOptIn, phone, clock.instant());
                        return existing;
                    })
                    .orElseGet(() -> Preference.chosen(buyer.id(), locale, smsOptIn, whatsappOptIn, phone,
                            clock.instant()));
            return PreferenceView.of(preferences.saveAndFlush(preference));
        });
    }
}
