package org.boxoffice.notification.preference;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Buyers' channel preferences. A buyer who never chose has none: email only, in the default locale. */
@SqlByDesign("Still hand-written until this service's aggregates move to Spring Data JPA (issue #21)")
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
                        rs.getBoolean("sms_opt_in"), rs.getBoolean("whatsapp_opt_in"), rs.getString("phone"),
                        instant(rs.getTimestamp("phone_verified_at"))))
                .optional();
    }

    /** The buyer's preferences, locked until the caller's transaction ends. */
    Optional<Preference> findForUpdate(UUID buyerId) {
        jdbc.sql("SELECT 1 FROM buyer_preference WHERE buyer_id = ? FOR UPDATE").param(buyerId).query().listOfRows();
        return find(buyerId);
    }

    /** Saves the preferences; the phone's confirmation stays only while the number is the same. */
    void save(Preference preference) {
        jdbc.sql("""
                INSERT INTO buyer_preference (buyer_id, locale, sms_opt_in, whatsapp_opt_in, phone, phone_verified_at,
                                              updated_at)
                VALUES (?, ?, ?, ?, ?, NULL, ?)
                ON CONFLICT (buyer_id) DO UPDATE SET locale = excluded.locale, sms_opt_in = excluded.sms_opt_in,
                    whatsapp_opt_in = excluded.whatsapp_opt_in, phone = excluded.phone,
                    phone_verified_at = CASE WHEN buyer_preference.phone IS NOT DISTINCT FROM excluded.phone
                                             THEN buyer_preference.phone_verified_at END,
                    updated_at = excluded.updated_at""")
                .params(preference.buyerId(), preference.locale().toLanguageTag(), preference.smsOptIn(),
                        preference.whatsappOptIn(), preference.phone(), Timestamp.from(clock.instant()))
                .update();
    }

    /** Marks {@code phone} confirmed, if it is still the buyer's number. */
    boolean phoneVerified(UUID buyerId, String phone, Instant at) {
        return jdbc.sql("UPDATE buyer_preference SET phone_verified_at = ?, updated_at = ? WHERE buyer_id = ? AND phone = ?")
                .params(Timestamp.from(at), Timestamp.from(at), buyerId, phone).update() == 1;
    }

    private static @org.jspecify.annotations.Nullable Instant instant(@org.jspecify.annotations.Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
