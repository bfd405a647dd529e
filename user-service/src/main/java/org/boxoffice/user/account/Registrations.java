package org.boxoffice.user.account;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.security.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * New accounts. The insert states its own outcome ({@code ON CONFLICT ... DO NOTHING}), so two registrations of one
 * address at once cannot fail differently from one that finds it taken, and registration keeps answering alike
 * whether or not an address has an account.
 */
@SqlByDesign("Registering is one insert-unless-taken, so a race on an email answers like any taken email")
@Repository
class Registrations {

    private final JdbcClient jdbc;

    Registrations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the new account unless its email is taken; true when inserted. */
    boolean insert(Account account) {
        return jdbc.sql("""
                INSERT INTO accounts (id, email, password_hash, display_name, roles, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT ON CONSTRAINT accounts_email_unique DO NOTHING
                """).params(account.id(), account.email().value(), account.passwordHash(), account.displayName(),
                account.roles().stream().map(Role::name).sorted().toArray(String[]::new),
                Timestamp.from(account.createdAt()), Timestamp.from(account.updatedAt())).update() == 1;
    }

    /**
     * Records that someone tried to register the email of an existing account; the account's id when its owner should
     * be told, that is at most once a day, so that nobody can flood an inbox by registering its address.
     */
    Optional<UUID> noteAttempt(EmailAddress email) {
        return jdbc.sql("""
                UPDATE accounts SET registration_attempt_noticed_at = now()
                 WHERE email = ? AND (registration_attempt_noticed_at IS NULL
                       OR registration_attempt_noticed_at < now() - interval '1 day')
                RETURNING id
                """).param(email.value()).query(UUID.class).optional();
    }
}
