package org.boxoffice.notification.preference;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.boxoffice.notification.delivery.Channel;
import org.boxoffice.notification.delivery.Outgoing;
import org.boxoffice.notification.message.MessageKind;
import org.boxoffice.notification.message.VerificationCode;
import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.VerificationCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Confirms that a buyer owns the phone number in their preferences before any SMS or WhatsApp message goes to it: a
 * six-digit code is sent to the number (SMS if there is an SMS provider, else WhatsApp) and typed back. The code is
 * derived from the verification's id and the number ({@link VerificationCodes}), so neither this table nor the
 * delivery log holds it: the table keeps a hash, lasts {@code code-lifetime}, is used once, and allows {@code max-attempts} guesses. Codes
 * are rate-limited per buyer (one per {@code resend-after}, {@code codes-per-buyer-per-hour}) and per number
 * ({@code codes-per-number-per-day}, whoever asks), on top of the delivery caps every message counts against.
 */
@SqlByDesign("Codes are used under a row lock with atomic attempt counts and capped by counts over recent codes")
@Service
public class PhoneVerification {

    private final Preferences preferences;
    private final VerificationCodes codes;
    private final Outgoing outgoing;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final PhoneVerificationProperties properties;
    private final Clock clock;

    PhoneVerification(Preferences preferences, VerificationCodes codes, Outgoing outgoing, JdbcClient jdbc,
            PlatformTransactionManager transactionManager, JsonMapper json, PhoneVerificationProperties properties,
            Clock clock) {
        this.preferences = preferences;
        this.codes = codes;
        this.outgoing = outgoing;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** A code on its way: to which number, by which channel, until when it is valid. */
    public record CodeSent(String phone, Channel channel, Instant expiresAt) {
    }

    /** Sends a new code to the buyer's phone number; earlier codes for it stop counting. */
    public CodeSent requestCode(CurrentUser buyer) {
        return transactions.execute(status -> {
            Preference preference = preferences.findForUpdate(buyer.id()).filter(p -> p.phone() != null)
                    .orElseThrow(PhoneVerificationProblem::noPhone);
            String phone = java.util.Objects.requireNonNull(preference.phone());
            if (preference.phoneVerified()) {
                throw PhoneVerificationProblem.alreadyVerified(phone);
            }
            Channel channel = outgoing.phoneChannels().stream().findFirst()
                    .orElseThrow(PhoneVerificationProblem::noChannel);
            Instant now = clock.instant();
            refuseIfTooMany(buyer.id(), phone, now);
            jdbc.sql("UPDATE phone_verification SET used_at = ? WHERE buyer_id = ? AND used_at IS NULL")
                    .params(Timestamp.from(now), buyer.id()).update();
            UUID id = UUID.randomUUID();
            Instant expiresAt = now.plus(properties.codeLifetime());
            jdbc.sql("""
                    INSERT INTO phone_verification (id, buyer_id, phone, code_hash, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, buyer.id(), phone, VerificationCodes.hash(id, codes.code(id, phone)),
                            Timestamp.from(now), Timestamp.from(expiresAt))
                    .update();
            if (!outgoing.verificationCode(id, channel, buyer.id(), phone, MessageKind.PHONE_CODE,
                    json.writeValueAsString(new VerificationCode(id, phone, expiresAt,
                            properties.codeLifetime().toMinutes())))) {
                throw PhoneVerificationProblem.tooMany("This number had its share of messages for today.",
                        Duration.ofHours(1));
            }
            return new CodeSent(phone, channel, expiresAt);
        });
    }

    /**
     * Confirms the buyer's current phone number with the code sent to it. A wrong guess is counted (and stays counted,
     * though the answer is an error); after the last allowed one the code is dead.
     */
    public PreferenceView confirm(CurrentUser buyer, String code) {
        record Outcome(@Nullable PreferenceView confirmed, @Nullable PhoneVerificationProblem problem) {
        }
        Outcome outcome = transactions.execute(status -> {
            Preference preference = preferences.findForUpdate(buyer.id()).filter(p -> p.phone() != null)
                    .orElseThrow(PhoneVerificationProblem::noPhone);
            String phone = java.util.Objects.requireNonNull(preference.phone());
            if (preference.phoneVerified()) {
                return new Outcome(PreferenceView.of(preference), null);
            }
            Instant now = clock.instant();
            record Open(UUID id, String hash, int attempts) {
            }
            Open open = jdbc.sql("""
                    SELECT id, code_hash, attempts FROM phone_verification
                     WHERE buyer_id = ? AND phone = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?
                     ORDER BY created_at DESC LIMIT 1 FOR UPDATE""")
                    .params(buyer.id(), phone, Timestamp.from(now), properties.maxAttempts())
                    .query((rs, row) -> new Open(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
                    .optional().orElseThrow(PhoneVerificationProblem::noValidCode);
            if (!VerificationCodes.matches(open.id(), code, open.hash())) {
                jdbc.sql("UPDATE phone_verification SET attempts = attempts + 1 WHERE id = ?").param(open.id()).update();
                return new Outcome(null, PhoneVerificationProblem.wrongCode(properties.maxAttempts() - open.attempts() - 1));
            }
            jdbc.sql("UPDATE phone_verification SET used_at = ? WHERE id = ?").params(Timestamp.from(now), open.id())
                    .update();
            preference.confirmPhone(phone, now);
            return new Outcome(PreferenceView.of(preferences.saveAndFlush(preference)), null);
        });
        if (outcome.problem() != null) {
            // Thrown after the commit, so that the wrong guess stays counted.
            throw outcome.problem();
        }
        return java.util.Objects.requireNonNull(outcome.confirmed());
    }

    private void refuseIfTooMany(UUID buyerId, String phone, Instant now) {
        Instant last = jdbc.sql("SELECT created_at FROM phone_verification WHERE buyer_id = ? ORDER BY created_at DESC"
                + " LIMIT 1").param(buyerId).query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(null);
        if (last != null && now.isBefore(last.plus(properties.resendAfter()))) {
            throw PhoneVerificationProblem.tooMany("A code was sent a moment ago; wait before asking for another.",
                    Duration.between(now, last.plus(properties.resendAfter())));
        }
        long lastHour = jdbc.sql("SELECT count(*) FROM phone_verification WHERE buyer_id = ? AND created_at > ?")
                .params(buyerId, Timestamp.from(now.minus(Duration.ofHours(1)))).query(Long.class).single();
        if (lastHour >= properties.codesPerBuyerPerHour()) {
            throw PhoneVerificationProblem.tooMany("At most " + properties.codesPerBuyerPerHour()
                    + " codes an hour.", Duration.ofMinutes(10));
        }
        long toNumber = jdbc.sql("SELECT count(*) FROM phone_verification WHERE phone = ? AND created_at > ?")
                .params(phone, Timestamp.from(now.minus(Duration.ofDays(1)))).query(Long.class).single();
        if (toNumber >= properties.codesPerNumberPerDay()) {
            throw PhoneVerificationProblem.tooMany("At most " + properties.codesPerNumberPerDay()
                    + " codes a day go to one number.", Duration.ofHours(1));
        }
    }

}
