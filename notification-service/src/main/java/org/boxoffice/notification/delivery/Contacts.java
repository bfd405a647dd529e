package org.boxoffice.notification.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Buyers' email addresses as learnt from the events that carry one (OrderConfirmed, OrderExpired, OrderCancelled)
 * and from the buyer's own access token when they set preferences. PaymentFailed carries only a buyer id: its email
 * goes to the address known here.
 */
@SqlByDesign("A stream consumer's contact book: idempotent upserts of the latest address per buyer")
@Repository
public class Contacts {

    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void remember(UUID buyerId, String email, Instant at) {
        if (email.isBlank()) {
            return;
        }
        jdbc.sql("""
                INSERT INTO buyer_contact (buyer_id, email, updated_at) VALUES (?, ?, ?)
                ON CONFLICT (buyer_id) DO UPDATE SET email = excluded.email, updated_at = excluded.updated_at
                WHERE buyer_contact.updated_at <= excluded.updated_at""")
                .params(buyerId, email.trim().toLowerCase(java.util.Locale.ROOT), Timestamp.from(at)).update();
    }

    public Optional<String> email(UUID buyerId) {
        return jdbc.sql("SELECT email FROM buyer_contact WHERE buyer_id = ?").param(buyerId).query(String.class)
                .optional();
    }
}
