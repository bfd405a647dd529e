package org.boxoffice.payment.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stored payments. Methods that lock ({@code ...ForUpdate}) must run inside the transaction that changes the row. */
@SqlByDesign("Still hand-written until this service's aggregates move to Spring Data JPA (issue #21)")
@Repository
public class Payments {

    private static final String COLUMNS = """
            id, order_id, buyer_id, amount_minor, currency, provider, provider_payment_id, card_last4, status,
            captured_minor, refunded_minor, failure_reason, created_at, succeeded_at""";

    private final JdbcClient jdbc;

    Payments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Payment payment) {
        jdbc.sql("INSERT INTO payment (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(payment.id(), payment.orderId(), payment.buyerId(), payment.amountMinor(), payment.currency(),
                        payment.provider(), payment.providerPaymentId(), payment.cardLast4(), payment.status().name(),
                        payment.capturedMinor(), payment.refundedMinor(), payment.failureReason(),
                        Timestamp.from(payment.createdAt()), null, Timestamp.from(payment.createdAt()))
                .update();
    }

    public void update(Payment payment, Instant now) {
        jdbc.sql("""
                UPDATE payment SET provider_payment_id = ?, status = ?, captured_minor = ?, refunded_minor = ?,
                                   failure_reason = ?, succeeded_at = ?, updated_at = ?
                 WHERE id = ?""")
                .params(payment.providerPaymentId(), payment.status().name(), payment.capturedMinor(),
                        payment.refundedMinor(), payment.failureReason(),
                        payment.succeededAt() == null ? null : Timestamp.from(payment.succeededAt()),
                        Timestamp.from(now), payment.id())
                .update();
    }

    public Optional<Payment> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = ?").param(id).query(Payments::map).optional();
    }

    public Optional<Payment> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE id = ? FOR UPDATE").param(id)
                .query(Payments::map).optional();
    }

    /** The order's payment that captured money, if any, locked. */
    public Optional<Payment> findCapturedByOrderForUpdate(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE order_id = ? AND captured_minor > 0 FOR UPDATE")
                .param(orderId).query(Payments::map).optional();
    }

    List<Payment> findByOrder(UUID orderId, UUID buyerId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE order_id = ? AND buyer_id = ? ORDER BY created_at")
                .params(orderId, buyerId).query(Payments::map).list();
    }

    /** The live (not failed) payment of an order, if any. */
    Optional<Payment> findLiveByOrder(UUID orderId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE order_id = ? AND status <> 'FAILED'")
                .param(orderId).query(Payments::map).optional();
    }

    public List<Payment> createdSince(Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM payment WHERE created_at >= ? ORDER BY created_at")
                .param(Timestamp.from(since)).query(Payments::map).list();
    }

    private static Payment map(ResultSet rs, int row) throws SQLException {
        Timestamp succeeded = rs.getTimestamp("succeeded_at");
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("buyer_id", UUID.class), rs.getLong("amount_minor"), rs.getString("currency"),
                rs.getString("provider"), rs.getString("provider_payment_id"), rs.getString("card_last4"),
                PaymentStatus.valueOf(rs.getString("status")), rs.getLong("captured_minor"),
                rs.getLong("refunded_minor"), rs.getString("failure_reason"),
                rs.getTimestamp("created_at").toInstant(), succeeded == null ? null : succeeded.toInstant());
    }
}
