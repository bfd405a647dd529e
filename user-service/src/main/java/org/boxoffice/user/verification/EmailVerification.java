package org.boxoffice.user.verification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.events.Outbox;
import org.boxoffice.platform.security.VerificationCodes;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proves that an account's owner can read mail at the account's address, before anything but purchase receipts goes
 * to it (docs/security.md, "Verified contact channels"). A six-digit code is mailed (through notification-service:
 * {@code EmailVerificationRequested}, which carries the verification's id, not the code: both services derive the code
 * with {@link VerificationCodes}) and typed back. A code is stored only as a hash, lasts {@code code-lifetime},
 * is used once and allows {@code max-attempts} guesses; an account gets one code per {@code resend-after} and at most
 * {@code codes-per-hour}; notification-service's per-address caps apply to the mail on top. Confirming marks the
 * account verified and announces {@code EmailVerified}, in one transaction.
 */
@SqlByDesign("Codes are used under a row lock with atomic attempt counts, and the verified mark is a column no entity writes")
@Service
public class EmailVerification {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final VerificationCodes codes;
    private final TransactionTemplate transactions;
    private final EmailVerificationProperties properties;
    private final Clock clock;

    EmailVerification(JdbcClient jdbc, Outbox outbox, VerificationCodes codes,
            PlatformTransactionManager transactionManager, EmailVerificationProperties properties,
            ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.codes = codes;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Where an account's address stands. */
    public record State(String email, @Nullable Instant verifiedAt) {
    }

    /** A code on its way. */
    public record CodeSent(String email, Instant expiresAt) {
    }

    /**
     * user-service's events about addresses, v1 (notification-service keeps its own copies). No code: notification
     * derives it from the verification id and the address ({@link VerificationCodes}).
     */
    record EmailVerificationRequested(UUID verificationId, UUID accountId, String email, Instant expiresAt,
            long minutes) {
    }

    record EmailVerified(UUID accountId, String email, Instant verifiedAt) {
    }

    public State state(UUID accountId) {
        return jdbc.sql("SELECT email, email_verified_at FROM accounts WHERE id = ?").param(accountId)
                .query((rs, row) -> new State(rs.getString(1), instant(rs.getTimestamp(2)))).single();
    }

    /** Mails a new code to the account's address; earlier codes stop counting. */
    public CodeSent requestCode(UUID accountId) {
        return Objects.requireNonNull(transactions.execute(status -> {
            State account = lock(accountId);
            if (account.verifiedAt() != null) {
                throw EmailVerificationProblem.alreadyVerified(account.email());
            }
            Instant now = clock.instant();
            refuseIfTooMany(accountId, now);
            jdbc.sql("UPDATE email_verifications SET used_at = ? WHERE account_id = ? AND used_at IS NULL")
                    .params(Timestamp.from(now), accountId).update();
            UUID id = UUID.randomUUID();
            Instant expiresAt = now.plus(properties.codeLifetime());
            jdbc.sql("""
                    INSERT INTO email_verifications (id, account_id, email, code_hash, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, accountId, account.email(),
                            VerificationCodes.hash(id, codes.code(id, account.email())), Timestamp.from(now),
                            Timestamp.from(expiresAt))
                    .update();
            outbox.append("EmailVerificationRequested", 1, accountId.toString(), new EmailVerificationRequested(id,
                    accountId, account.email(), expiresAt, properties.codeLifetime().toMinutes()));
            return new CodeSent(account.email(), expiresAt);
        }));
    }

    /**
     * Verifies the account's address with the code mailed to it. A wrong guess is counted — and stays counted, though
     * the answer is an error; after the last allowed one the code is dead.
     */
    public State confirm(UUID accountId, String code) {
        record Outcome(@Nullable State verified, @Nullable EmailVerificationProblem problem) {
        }
        Outcome outcome = Objects.requireNonNull(transactions.execute(status -> {
            State account = lock(accountId);
            if (account.verifiedAt() != null) {
                return new Outcome(account, null);
            }
            Instant now = clock.instant();
            record Open(UUID id, String hash, int attempts) {
            }
            Open open = jdbc.sql("""
                    SELECT id, code_hash, attempts FROM email_verifications
                     WHERE account_id = ? AND email = ? AND used_at IS NULL AND expires_at > ? AND attempts < ?
                     ORDER BY created_at DESC LIMIT 1 FOR UPDATE""")
                    .params(accountId, account.email(), Timestamp.from(now), properties.maxAttempts())
                    .query((rs, row) -> new Open(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3)))
                    .optional().orElse(null);
            if (open == null) {
                return new Outcome(null, EmailVerificationProblem.noValidCode());
            }
            if (!VerificationCodes.matches(open.id(), code, open.hash())) {
                jdbc.sql("UPDATE email_verifications SET attempts = attempts + 1 WHERE id = ?").param(open.id())
                        .update();
                return new Outcome(null, EmailVerificationProblem.wrongCode(
                        properties.maxAttempts() - open.attempts() - 1));
            }
            jdbc.sql("UPDATE email_verifications SET used_at = ? WHERE id = ?").params(Timestamp.from(now), open.id())
                    .update();
            return new Outcome(markVerified(accountId, account.email(), now), null);
        }));
        if (outcome.problem() != null) {
            // Thrown after the commit, so that the wrong guess stays counted.
            throw outcome.problem();
        }
        return Objects.requireNonNull(outcome.verified());
    }

    /**
     * Marks the account's address verified without a code — for accounts whose address the operator vouches for (the
     * local run's demo accounts) — and announces it, once.
     */
    public void verifiedByOperator(UUID accountId) {
        transactions.executeWithoutResult(status -> {
            State account = lock(accountId);
            if (account.verifiedAt() == null) {
                markVerified(accountId, account.email(), clock.instant());
            }
        });
    }

    private State markVerified(UUID accountId, String email, Instant now) {
        jdbc.sql("UPDATE accounts SET email_verified_at = ?, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), accountId).update();
        outbox.append("EmailVerified", 1, accountId.toString(), new EmailVerified(accountId, email, now));
        return new State(email, now);
    }

    private State lock(UUID accountId) {
        return jdbc.sql("SELECT email, email_verified_at FROM accounts WHERE id = ? FOR UPDATE").param(accountId)
                .query((rs, row) -> new State(rs.getString(1), instant(rs.getTimestamp(2)))).single();
    }

    private void refuseIfTooMany(UUID accountId, Instant now) {
        Instant last = jdbc.sql("SELECT created_at FROM email_verifications WHERE account_id = ?"
                + " ORDER BY created_at DESC LIMIT 1").param(accountId).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
        if (last != null && now.isBefore(last.plus(properties.resendAfter()))) {
            throw EmailVerificationProblem.tooMany("A code was sent a moment ago; wait before asking for another.",
                    Duration.between(now, last.plus(properties.resendAfter())));
        }
        long lastHour = jdbc.sql("SELECT count(*) FROM email_verifications WHERE account_id = ? AND created_at > ?")
                .params(accountId, Timestamp.from(now.minus(Duration.ofHours(1)))).query(Long.class).single();
        if (lastHour >= properties.codesPerHour()) {
            throw EmailVerificationProblem.tooMany("At most " + properties.codesPerHour() + " codes an hour.",
                    Duration.ofMinutes(10));
        }
    }

    private static @Nullable Instant instant(@Nullable Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
