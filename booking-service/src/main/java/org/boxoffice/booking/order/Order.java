package org.boxoffice.booking.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A checked-out hold: line items and a total computed on the server from the event's price tiers. Its transitions
 * ({@link OrderStatus}) are the methods here, which refuse a move the lifecycle does not allow; the service takes
 * them on the order's locked row, and the version catches any writer that did not lock.
 */
@Entity(name = "PurchaseOrder")
@Table(name = "purchase_order")
public class Order {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    @Version
    private long version;
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "buyer_id")
    private UUID buyerId;
    @Column(name = "buyer_email")
    private String buyerEmail;
    @Column(name = "hold_id")
    private UUID holdId;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
    @Column(name = "total_minor")
    private long totalMinor;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;
    private int quantity;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "payment_due")
    private Instant paymentDue;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "payment_id")
    private @Nullable UUID paymentId;
    @Column(name = "paid_minor")
    private long paidMinor;
    @Column(name = "refunded_minor")
    private long refundedMinor;
    @Column(name = "cancel_reason")
    private @Nullable String cancelReason;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    /** A new order awaiting payment until {@code paymentDue}; its total is the sum of its lines. */
    Order(UUID eventId, UUID buyerId, String buyerEmail, UUID holdId, Currency currency, int quantity,
            List<OrderLine> lines, Instant now, Instant paymentDue) {
        long total = 0;
        for (OrderLine line : lines) {
            total = Math.addExact(total, line.amountMinor());
        }
        this.eventId = eventId;
        this.buyerId = buyerId;
        this.buyerEmail = buyerEmail;
        this.holdId = holdId;
        this.status = OrderStatus.PENDING_PAYMENT;
        this.totalMinor = total;
        this.currency = currency.getCurrencyCode();
        this.quantity = quantity;
        this.createdAt = now;
        this.paymentDue = paymentDue;
        this.updatedAt = now;
        this.lines = new ArrayList<>(lines);
    }

    /**
     * Confirms an order awaiting payment, or one whose late payment took its seats again (expired, failed): with the
     * payment that paid it, or none for a free order.
     */
    void confirm(@Nullable UUID paymentId, long amountMinor, Instant now) {
        if (status != OrderStatus.PENDING_PAYMENT && status != OrderStatus.EXPIRED && status != OrderStatus.FAILED) {
            throw new OrderStateConflict(id, status, "A " + status + " order cannot be confirmed.");
        }
        if (paymentId != null) {
            recordPayment(paymentId, amountMinor);
        }
        move(OrderStatus.CONFIRMED, now);
    }

    /** Not paid in time. */
    void expire(Instant now) {
        requirePending("expire");
        move(OrderStatus.EXPIRED, now);
    }

    /** The payment was declined. */
    void fail(Instant now) {
        requirePending("fail");
        move(OrderStatus.FAILED, now);
    }

    /**
     * Cancels a pending, confirmed or partly refunded order: unpaid and free orders end, paid ones await the refund of
     * what is left.
     */
    void cancel(String reason, Instant now) {
        OrderStatus to = switch (status) {
            case PENDING_PAYMENT -> OrderStatus.CANCELLED;
            case CONFIRMED, PARTIALLY_REFUNDED -> paid() ? OrderStatus.REFUND_REQUESTED : OrderStatus.CANCELLED;
            default -> throw new OrderStateConflict(id, status, "A " + status + " order cannot be cancelled.");
        };
        cancelReason = reason;
        move(to, now);
    }

    /** Money arrived for an order cancelled before it did: recorded, so that it can be refunded; nothing else moves. */
    void paidAfterCancellation(UUID paymentId, long amountMinor, Instant now) {
        if (paid() || status.keepsSeats()) {
            throw new OrderStateConflict(id, status, "A " + status + " order takes no late payment.");
        }
        recordPayment(paymentId, amountMinor);
        updatedAt = now;
    }

    /** Money arrived after the order expired or failed and its seats could not be taken again: it is cancelled. */
    void paidTooLate(UUID paymentId, long amountMinor, Instant now) {
        if (status != OrderStatus.EXPIRED && status != OrderStatus.FAILED) {
            throw new OrderStateConflict(id, status, "A " + status + " order was not paid too late.");
        }
        recordPayment(paymentId, amountMinor);
        cancelReason = "PAID_AFTER_EXPIRY";
        move(OrderStatus.CANCELLED, now);
    }

    /**
     * Counts money payment-service returned. All of it back: REFUNDED, and true. Part of it: a confirmed order is
     * partly refunded (its tickets stay valid); one awaiting its refund, or cancelled, keeps waiting for the rest.
     */
    boolean refunded(long amountMinor, Instant now) {
        if (!paid()) {
            throw new OrderStateConflict(id, status, "Nothing was paid for this order.");
        }
        refundedMinor += amountMinor;
        boolean whole = refundedMinor >= paidMinor;
        move(whole ? OrderStatus.REFUNDED : status.sold() ? OrderStatus.PARTIALLY_REFUNDED : status, now);
        return whole;
    }

    /** What a cancellation gives back: what was paid and not yet refunded. */
    long refundable() {
        return paid() ? paidMinor - refundedMinor : 0;
    }

    /** Whether money was taken for it. */
    boolean paid() {
        return paymentId != null;
    }

    private void recordPayment(UUID paymentId, long amountMinor) {
        this.paymentId = paymentId;
        this.paidMinor = amountMinor;
    }

    private void requirePending(String action) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            throw new OrderStateConflict(id, status, "A " + status + " order cannot " + action + ".");
        }
    }

    private void move(OrderStatus to, Instant now) {
        status = to;
        updatedAt = now;
    }

    public UUID id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public UUID buyerId() {
        return buyerId;
    }

    public String buyerEmail() {
        return buyerEmail;
    }

    public UUID holdId() {
        return holdId;
    }

    public OrderStatus status() {
        return status;
    }

    public long totalMinor() {
        return totalMinor;
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public int quantity() {
        return quantity;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant paymentDue() {
        return paymentDue;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** The payment that paid it, once one did. */
    public @Nullable UUID paymentId() {
        return paymentId;
    }

    /** What that payment captured. */
    public long paidMinor() {
        return paidMinor;
    }

    /** What payment-service has reported refunded so far. */
    public long refundedMinor() {
        return refundedMinor;
    }

    /** Why it was cancelled (BUYER, ORGANIZER, EVENT_CANCELLED, PAID_AFTER_EXPIRY, …). */
    public @Nullable String cancelReason() {
        return cancelReason;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }
}
