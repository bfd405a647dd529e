package org.boxoffice.notification.preference;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Buyers' channel preferences. A buyer who never chose has none: email only, in the default locale. */
@Repository
public class Preferences {

    private final JdbcClient jdbc;
    private final Clock clock;

    Preferences(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Preference> find(UUID buyerId) {
        return jdbc.sql("SELECT * FROM buyer_preference WHERE buyer_id = ?").param(buyerId)
                .query((rs, row) -> new Preference(buyerId, Locale.forLanguageTag(rs.getString("locale")),
                        rs.getBoolean("sms_opt_in"), rs.getBoolean("whatsapp_opt_in"), rs.getString("phone")))
                .optional();
    }

    void save(Preference preference) {
        jdbc.sql("""
                INSERT INTO buyer_preference (buyer_id, locale, sms_opt_in, whatsapp_opt_in, phone, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (buyer_id) DO UPDATE SET locale = excluded.locale, sms_opt_in = excluded.sms_opt_in,
                    whatsapp_opt_in = excluded.whatsapp_opt_in, phone = excluded.phone, updated_at = excluded.updated_at""")
                .params(preference.buyerId(), preference.locale().toLanguageTag(), preference.smsOptIn(),
                        preference.whatsappOptIn(), preference.phone(), Timestamp.from(clock.instant()))
                .update();
    }
}
