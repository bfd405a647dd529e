package org.boxoffice.notification.preference;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.boxoffice.notification.message.MessageLocales;
import org.jspecify.annotations.Nullable;

/**
 * How a buyer wants to hear from Boxoffice besides email: messages in {@code locale}, and copies by SMS or WhatsApp
 * to {@code phone} (E.164) when opted in — sent only once the number is confirmed with a code
 * ({@code phoneVerifiedAt}). Transactional messages always go by email as well. A buyer who never chose has none:
 * {@link #defaults} stands in, email only, and is never stored.
 */
@Entity
@Table(name = "buyer_preference")
public class Preference {

    @Id
    @Column(name = "buyer_id")
    private UUID buyerId;

    private String locale;

    @Column(name = "sms_opt_in")
    private boolean smsOptIn;

    @Column(name = "whatsapp_opt_in")
    private boolean whatsappOptIn;

    private @Nullable String phone;

    @Column(name = "phone_verified_at")
    private @Nullable Instant phoneVerifiedAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    /** Null until first stored: how Spring Data tells a new entity from a stored one. */
    @Version
    private @Nullable Long version;

    /** For JPA, which fills every field. */
    @SuppressWarnings("NullAway.Init")
    protected Preference() {
    }

    private Preference(UUID buyerId, Locale locale, Instant now) {
        this.buyerId = buyerId;
        this.locale = locale.toLanguageTag();
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** What a buyer without stored preferences gets: email only, in {@code locale}. */
    public static Preference defaults(UUID buyerId, Locale locale) {
        return new Preference(buyerId, locale, Instant.EPOCH);
    }

    /** A buyer's first choice; {@link #choose} states the rules. */
    static Preference chosen(UUID buyerId, String locale, boolean smsOptIn, boolean whatsappOptIn,
            @Nullable String phone, Instant now) {
        Preference preference = new Preference(buyerId, MessageLocales.DEFAULT, now);
        preference.choose(locale, smsOptIn, whatsappOptIn, phone, now);
        return preference;
    }

    /**
     * Sets what the buyer chose. The locale must be one messages exist in; opting in to SMS or WhatsApp needs a
     * phone number. The number's confirmation stays only while the number is the same: a new one waits for its code.
     */
    void choose(String locale, boolean smsOptIn, boolean whatsappOptIn, @Nullable String phone, Instant now) {
        if (!MessageLocales.supported(locale)) {
            throw new InvalidPreference("locale", "must be one of " + MessageLocales.SUPPORTED);
        }
        if ((smsOptIn || whatsappOptIn) && phone == null) {
            throw new InvalidPreference("phone", "is required to opt in to SMS or WhatsApp");
        }
        if (!Objects.equals(this.phone, phone)) {
            this.phoneVerifiedAt = null;
        }
        this.locale = Locale.forLanguageTag(locale).toLanguageTag();
        this.smsOptIn = smsOptIn;
        this.whatsappOptIn = whatsappOptIn;
        this.phone = phone;
        this.updatedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    /** Marks {@code phone} confirmed if it is still the buyer's number; false when the number changed meanwhile. */
    boolean confirmPhone(String phone, Instant at) {
        if (!phone.equals(this.phone)) {
            return false;
        }
        this.phoneVerifiedAt = at.truncatedTo(ChronoUnit.MICROS);
        this.updatedAt = this.phoneVerifiedAt;
        return true;
    }

    public UUID buyerId() {
        return buyerId;
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    public boolean smsOptIn() {
        return smsOptIn;
    }

    public boolean whatsappOptIn() {
        return whatsappOptIn;
    }

    public @Nullable String phone() {
        return phone;
    }

    /** When the buyer confirmed {@code phone}; null until then, and again after a new number. */
    public @Nullable Instant phoneVerifiedAt() {
        return phoneVerifiedAt;
    }

    /** Whether texts may go to {@code phone}: its owner confirmed it with a code. */
    public boolean phoneVerified() {
        return phoneVerifiedAt != null;
    }
}
