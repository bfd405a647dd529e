package org.boxoffice.booking.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.inventory.Allotment;
import org.boxoffice.booking.inventory.Claim;
import org.boxoffice.booking.inventory.SeatStatus;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
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
 * A checked-out hold: line items and a total computed on the server from the event's price tiers, less the discount
 * of the promo code it was checked out with, if any (on its lines). Its transitions
 * ({@link OrderStatus}) are the methods here, which refuse a move the lifecycle does not allow and answer with what
 * the move means for the inventory ({@link Release}, the {@link Claim} to sell); the use cases take them on the
 * order's locked row, and the version catches any writer that did not lock.
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
    @Embedded
    private Settlement settlement = new Settlement();
    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason")
    private @Nullable CancelReason cancelReason;
    @Column(name = "promo_code")
    private @Nullable String promoCode;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    /**
     * A new order for a checked-out hold, awaiting payment until {@code paymentDue}: its total is the sum of its
     * lines, its quantity their tickets.
     */
    static Order place(Purchase purchase, List<OrderLine> lines, Instant now, Instant paymentDue) {
        return place(purchase, lines, null, now, paymentDue);
    }

    /**
     * A new order as above, checked out with {@code promoCode} (null: none), whose discounts are on its lines: its
     * total is what the lines cost after them.
     */
    static Order place(Purchase purchase, List<OrderLine> lines, @Nullable String promoCode, Instant now,
            Instant paymentDue) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order is of at least one line");
        }
        if (paymentDue.isBefore(now)) {
            throw new IllegalArgumentException("payment is not due before the order is placed");
        }
        Order order = new Order();
        long total = 0;
        int quantity = 0;
        for (OrderLine line : lines) {
            total = Math.addExact(total, line.totalMinor());
            quantity = Math.addExact(quantity, line.quantity());
        }
        order.eventId = purchase.eventId();
        order.buyerId = purchase.buyerId();
        order.buyerEmail = purchase.buyerEmail();
        order.holdId = purchase.holdId();
        order.status = OrderStatus.PENDING_PAYMENT;
        order.totalMinor = total;
        order.currency = purchase.currency().getCurrencyCode();
        order.quantity = quantity;
        order.createdAt = now;
        order.paymentDue = paymentDue;
        order.updatedAt = now;
        order.lines = new ArrayList<>(lines);
        order.promoCode = promoCode;
        return order;
    }

    /** What {@code payment} arriving now calls for; nothing changes until the transition it names is taken. */
    PaymentVerdict judge(Payment payment) {
        if (paid()) {
            return settlement.paidBy(payment.id()) ? PaymentVerdict.ALREADY_COUNTED : PaymentVerdict.DUPLICATE;
        }
        return switch (status) {
            case CONFIRMED, PARTIALLY_REFUNDED -> PaymentVerdict.NOTHING_DUE;
            case PENDING_PAYMENT -> PaymentVerdict.CONFIRM;
            case EXPIRED, FAILED -> PaymentVerdict.RETAKE_OR_REFUND;
            case CANCELLED, REFUND_REQUESTED, REFUNDED -> PaymentVerdict.REFUND_AFTER_CANCELLATION;
        };
    }

    /**
     * Confirms an order awaiting payment, or one whose late payment took its seats again (expired, failed), with the
     * payment that paid it. Returns the tickets still to be sold: the held ones of a pending order; none for a late
     * payment, whose retake sold them already.
     */
    Optional<Claim> confirm(Payment payment, Instant now) {
        Optional<Claim> toSell = switch (status) {
            case PENDING_PAYMENT -> Optional.of(claim());
            case EXPIRED, FAILED -> Optional.empty();
            default -> throw new OrderStateConflict(id, status, "A " + status + " order cannot be confirmed.");
        };
        settlement.pay(payment);
        move(OrderStatus.CONFIRMED, now);
        return toSell;
    }

    /**
     * Confirms an order awaiting payment without one: a free order at checkout, where there is nothing to wait for.
     * Returns its tickets to sell.
     */
    Claim confirmFree(Instant now) {
        requirePending("be confirmed without a payment");
        move(OrderStatus.CONFIRMED, now);
        return claim();
    }

    /** Not paid in time: its held tickets go back. */
    Release expire(Instant now) {
        requirePending("expire");
        move(OrderStatus.EXPIRED, now);
        return new Release(claim(), SeatStatus.HELD, 0);
    }

    /** The payment was declined: its held tickets go back. */
    Release fail(Instant now) {
        requirePending("fail");
        move(OrderStatus.FAILED, now);
        return new Release(claim(), SeatStatus.HELD, 0);
    }

    /**
     * Cancels a pending, confirmed or partly refunded order: unpaid and free orders end, paid ones await the refund of
     * what is left. Its tickets go back, and what was paid and not yet refunded is to be refunded.
     */
    Release cancel(CancelReason reason, Instant now) {
        OrderStatus to = switch (status) {
            case PENDING_PAYMENT -> OrderStatus.CANCELLED;
            case CONFIRMED, PARTIALLY_REFUNDED -> paid() ? OrderStatus.REFUND_REQUESTED : OrderStatus.CANCELLED;
            default -> throw new OrderStateConflict(id, status, "A " + status + " order cannot be cancelled.");
        };
        boolean sold = status.sold();
        long refund = sold ? refundable() : 0;
        cancelReason = reason;
        move(to, now);
        return new Release(claim(), sold ? SeatStatus.SOLD : SeatStatus.HELD, refund);
    }

    /**
     * Refuses what the buyer may not cancel: a paid order once the event's refund window closed
     * ({@link RefundWindowClosed}), an order that no longer keeps seats. Used tickets are checked after this.
     */
    void requireCancellableByBuyer(Instant refundableUntil, Instant now) {
        if (status.sold() && paid() && !now.isBefore(refundableUntil)) {
            throw new RefundWindowClosed(id, refundableUntil);
        }
        if (!status.keepsSeats()) {
            throw new OrderStateConflict(id, status, "A " + status + " order cannot be cancelled.");
        }
    }

    /** Money arrived for an order cancelled before it did: recorded, so that it can be refunded; nothing else moves. */
    void paidAfterCancellation(Payment payment, Instant now) {
        if (paid() || status.keepsSeats()) {
            throw new OrderStateConflict(id, status, "A " + status + " order takes no late payment.");
        }
        settlement.pay(payment);
        updatedAt = now;
    }

    /** Money arrived after the order expired or failed and its seats could not be taken again: it is cancelled. */
    void paidTooLate(Payment payment, Instant now) {
        if (status != OrderStatus.EXPIRED && status != OrderStatus.FAILED) {
            throw new OrderStateConflict(id, status, "A " + status + " order was not paid too late.");
        }
        settlement.pay(payment);
        cancelReason = CancelReason.PAID_AFTER_EXPIRY;
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
        boolean whole = settlement.refund(amountMinor);
        move(whole ? OrderStatus.REFUNDED : status.sold() ? OrderStatus.PARTIALLY_REFUNDED : status, now);
        return whole;
    }

    /** Whether a refund of {@code paymentId} (null: not said) is one of this order's payment. */
    boolean refundsItsPayment(@Nullable UUID paymentId) {
        return paid() && (paymentId == null || settlement.paidBy(paymentId));
    }

    /** What a cancellation gives back: what was paid and not yet refunded. */
    long refundable() {
        return settlement.refundable();
    }

    /** Whether money was taken for it. */
    boolean paid() {
        return settlement.paid();
    }

    /** Whether {@code buyerId} placed it. */
    boolean placedBy(UUID buyerId) {
        return this.buyerId.equals(buyerId);
    }

    /** The tickets it holds or bought: those of the hold it was checked out from, line by line. */
    Claim claim() {
        return new Claim(eventId, buyerId, holdId, lines.stream()
                .map(line -> new Allotment(line.sectionId(), line.seatId(), line.quantity())).toList());
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
        return settlement.paymentId();
    }

    /** What that payment captured. */
    public long paidMinor() {
        return settlement.paidMinor();
    }

    /** What payment-service has reported refunded so far. */
    public long refundedMinor() {
        return settlement.refundedMinor();
    }

    /** Why it was cancelled, once it was. */
    public @Nullable CancelReason cancelReason() {
        return cancelReason;
    }

    /** The code it was checked out with, if any. */
    public @Nullable String promoCode() {
        return promoCode;
    }

    /** What its lines cost before discounts. */
    public long subtotalMinor() {
        return lines.stream().mapToLong(OrderLine::amountMinor).sum();
    }

    /** What its code took off. */
    public long discountMinor() {
        return lines.stream().mapToLong(OrderLine::discountMinor).sum();
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }
}
