package org.boxoffice.booking.order;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The two order statements that are about sets and duplicates rather than about one order. */
@Repository
@SqlByDesign("The expiry sweep claims a batch of overdue orders with FOR UPDATE SKIP LOCKED so replicas split the "
        + "work, and a refund is counted once by its id with INSERT … ON CONFLICT DO NOTHING")
class OrderStatements {

    private final JdbcClient jdbc;

    OrderStatements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} unpaid orders past their deadline, locked for this transaction; others skip them. */
    List<UUID> claimOverdue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM purchase_order WHERE status = 'PENDING_PAYMENT' AND payment_due <= ?
                 ORDER BY payment_due LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), limit).query(UUID.class).list();
    }

    /** Counts a refund once: false if this refund id was counted before. */
    boolean recordRefund(UUID refundId, UUID orderId, long amountMinor, Instant now) {
        return jdbc.sql("""
                INSERT INTO order_refund (refund_id, order_id, amount_minor, refunded_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (refund_id) DO NOTHING""")
                .params(refundId, orderId, amountMinor, Timestamp.from(now)).update() == 1;
    }
}
