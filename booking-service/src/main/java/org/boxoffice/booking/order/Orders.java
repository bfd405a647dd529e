package org.boxoffice.booking.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders and their lines. */
@SqlByDesign("Still hand-written until this service's aggregates move to Spring Data JPA (issue #21)")
@Repository
class Orders {

    private final JdbcClient jdbc;

    Orders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Order order) {
        jdbc.sql("""
                INSERT INTO purchase_order (id, event_id, buyer_id, buyer_email, hold_id, status, total_minor, currency,
                                            quantity, created_at, payment_due, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(order.id(), order.eventId(), order.buyerId(), order.buyerEmail(), order.holdId(),
                        order.status().name(),
                        order.totalMinor(), order.currency().getCurrencyCode(), order.quantity(),
                        Timestamp.from(order.createdAt()), Timestamp.from(order.paymentDue()),
                        Timestamp.from(order.updatedAt()))
                .update();
        List<OrderLine> lines = order.lines();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            jdbc.sql("""
                    INSERT INTO order_line (order_id, position, section_id, seat_id, description, quantity,
                                            unit_price_minor, amount_minor)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(order.id(), i, line.sectionId(), line.seatId(), line.description(), line.quantity(),
                            line.unitPriceMinor(), line.amountMinor())
                    .update();
        }
    }

    Optional<Order> find(UUID orderId) {
        return jdbc.sql("SELECT * FROM purchase_order WHERE id = ?").param(orderId).query(this::order).optional()
                .map(order -> withLines(List.of(order)).getFirst());
    }

    Optional<Order> findForUpdate(UUID orderId) {
        return jdbc.sql("SELECT * FROM purchase_order WHERE id = ? FOR UPDATE").param(orderId).query(this::order)
                .optional().map(order -> withLines(List.of(order)).getFirst());
    }

    /** Moves the order on if it is still in {@code from}; false when another transaction moved it first. */
    boolean transition(UUID orderId, OrderStatus from, OrderStatus to, Instant now) {
        return jdbc.sql("UPDATE purchase_order SET status = ?, updated_at = ? WHERE id = ? AND status = ?")
                .params(to.name(), Timestamp.from(now), orderId, from.name()).update() == 1;
    }

    /** Ends the order in {@code to} with a reason, if it is still in {@code from}. */
    boolean end(UUID orderId, OrderStatus from, OrderStatus to, @Nullable String reason, Instant now) {
        return jdbc.sql("""
                UPDATE purchase_order SET status = ?, cancel_reason = coalesce(?, cancel_reason), updated_at = ?
                 WHERE id = ? AND status = ?""")
                .params(to.name(), reason, Timestamp.from(now), orderId, from.name()).update() == 1;
    }

    /** Records the payment that paid the order and moves it on, if it is still in {@code from}. */
    boolean paid(UUID orderId, OrderStatus from, OrderStatus to, UUID paymentId, long amountMinor,
            @Nullable String reason, Instant now) {
        return jdbc.sql("""
                UPDATE purchase_order SET status = ?, payment_id = ?, paid_minor = ?,
                       cancel_reason = coalesce(?, cancel_reason), updated_at = ?
                 WHERE id = ? AND status = ?""")
                .params(to.name(), paymentId, amountMinor, reason, Timestamp.from(now), orderId, from.name())
                .update() == 1;
    }

    /** Counts a refund once: false if this refund id was counted before. */
    boolean recordRefund(UUID refundId, UUID orderId, long amountMinor, Instant now) {
        return jdbc.sql("""
                INSERT INTO order_refund (refund_id, order_id, amount_minor, refunded_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (refund_id) DO NOTHING""")
                .params(refundId, orderId, amountMinor, Timestamp.from(now)).update() == 1;
    }

    boolean refunded(UUID orderId, OrderStatus from, OrderStatus to, long refundedMinor, Instant now) {
        return jdbc.sql("""
                UPDATE purchase_order SET status = ?, refunded_minor = ?, updated_at = ? WHERE id = ? AND status = ?""")
                .params(to.name(), refundedMinor, Timestamp.from(now), orderId, from.name()).update() == 1;
    }

    List<Order> ofEvent(UUID eventId, @Nullable OrderStatus status, PageQuery page) {
        return withLines(jdbc.sql("""
                SELECT * FROM purchase_order WHERE event_id = ? AND (?::text IS NULL OR status = ?::text)
                 ORDER BY created_at DESC, id LIMIT ? OFFSET ?""")
                .params(eventId, name(status), name(status), page.size(), page.offset()).query(this::order).list());
    }

    long countOfEvent(UUID eventId, @Nullable OrderStatus status) {
        return jdbc.sql("SELECT count(*) FROM purchase_order WHERE event_id = ? AND (?::text IS NULL OR status = ?::text)")
                .params(eventId, name(status), name(status)).query(Long.class).single();
    }

    List<Order> ofBuyer(UUID buyerId, PageQuery page) {
        return withLines(jdbc.sql("SELECT * FROM purchase_order WHERE buyer_id = ? ORDER BY created_at DESC, id LIMIT ? OFFSET ?")
                .params(buyerId, page.size(), page.offset()).query(this::order).list());
    }

    long countOfBuyer(UUID buyerId) {
        return jdbc.sql("SELECT count(*) FROM purchase_order WHERE buyer_id = ?").param(buyerId)
                .query(Long.class).single();
    }

    List<UUID> liveOfEvent(UUID eventId) {
        return jdbc.sql("""
                SELECT id FROM purchase_order
                 WHERE event_id = ? AND status IN ('PENDING_PAYMENT', 'CONFIRMED', 'PARTIALLY_REFUNDED')
                 ORDER BY id FOR UPDATE""").param(eventId).query(UUID.class).list();
    }

    List<UUID> claimOverdue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM purchase_order WHERE status = 'PENDING_PAYMENT' AND payment_due <= ?
                 ORDER BY payment_due LIMIT ? FOR UPDATE SKIP LOCKED""")
                .params(Timestamp.from(now), limit).query(UUID.class).list();
    }

    /** "row 3, seat 7" per seat id. */
    java.util.Map<UUID, String> seatLabels(List<UUID> seatIds) {
        java.util.Map<UUID, String> labels = new java.util.HashMap<>();
        jdbc.sql("SELECT id, row_label, number FROM seat WHERE id = ANY(?)").param(seatIds.toArray(UUID[]::new))
                .query((ResultSet r) -> {
                    labels.put(r.getObject(1, UUID.class), "row " + r.getString(2) + ", seat " + r.getInt(3));
                });
        return labels;
    }

    private static @Nullable String name(@Nullable OrderStatus status) {
        return status == null ? null : status.name();
    }

    /**
     * The order's row, without its lines: a row mapper must not query (outside a transaction the nested query takes
     * a second pooled connection while the first is still held, and a burst of reads then deadlocks the pool).
     */
    private Order order(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Order(id, rs.getObject("event_id", UUID.class), rs.getObject("buyer_id", UUID.class),
                rs.getString("buyer_email"), rs.getObject("hold_id", UUID.class),
                OrderStatus.valueOf(rs.getString("status")), rs.getLong("total_minor"),
                Currency.getInstance(rs.getString("currency")), rs.getInt("quantity"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("payment_due").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getObject("payment_id", UUID.class),
                rs.getLong("paid_minor"), rs.getLong("refunded_minor"), rs.getString("cancel_reason"), List.of());
    }

    /** The orders with their lines, read in one query after the orders' own. */
    private List<Order> withLines(List<Order> orders) {
        if (orders.isEmpty()) {
            return orders;
        }
        java.util.Map<UUID, List<OrderLine>> lines = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT order_id, section_id, seat_id, description, quantity, unit_price_minor, amount_minor
                  FROM order_line WHERE order_id = ANY(?) ORDER BY order_id, position""")
                .param(orders.stream().map(Order::id).toArray(UUID[]::new))
                .query((ResultSet r) -> {
                    lines.computeIfAbsent(r.getObject(1, UUID.class), id -> new java.util.ArrayList<>())
                            .add(new OrderLine(r.getObject(2, UUID.class), r.getObject(3, UUID.class), r.getString(4),
                                    r.getInt(5), r.getLong(6), r.getLong(7)));
                });
        return orders.stream().map(o -> new Order(o.id(), o.eventId(), o.buyerId(), o.buyerEmail(), o.holdId(),
                o.status(), o.totalMinor(), o.currency(), o.quantity(), o.createdAt(), o.paymentDue(), o.updatedAt(),
                o.paymentId(), o.paidMinor(), o.refundedMinor(), o.cancelReason(), lines.getOrDefault(o.id(), List.of())))
                .toList();
    }
}
