package org.boxoffice.notification.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The email address each buyer proved to own, as user-service announces it ({@code EmailVerified}). Beyond the
 * purchase receipt, email goes only to this address.
 */
@SqlByDesign("A stream consumer's record of verified addresses: idempotent upserts per buyer")
@Repository
public class VerifiedEmails {

    private final JdbcClient jdbc;

    VerifiedEmails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void remember(UUID buyerId, String email, Instant verifiedAt) {
        jdbc.sql("""
                INSERT INTO verified_email (buyer_id, email, verified_at) VALUES (?, ?, ?)
                ON CONFLICT (buyer_id) DO UPDATE SET email = excluded.email, verified_at = excluded.verified_at
                WHERE verified_email.verified_at <= excluded.verified_at""")
                .params(buyerId, email.trim().toLowerCase(Locale.ROOT), Timestamp.from(verifiedAt)).update();
    }

    public Optional<String> find(UUID buyerId) {
        return jdbc.sql("SELECT email FROM verified_email WHERE buyer_id = ?").param(buyerId).query(String.class)
                .optional();
    }
}
