package org.boxoffice.booking.order;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.boxoffice.booking.inventory.Allotment;
import org.boxoffice.booking.inventory.Claim;
import org.boxoffice.booking.inventory.SeatStatus;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A checked-out hold: who bought what ({@link Purchase}), what it costs ({@link Bill}: lines and a total computed on
 * the server from the event's price tiers, discount, fees and taxes) and its money ({@link Settlement}). Its
 * transitions ({@link OrderStatus}) are the methods here, which refuse a move the lifecycle does not allow and
 * answer with what the move means for the inventory ({@link Release}, the {@link Claim} to sell); the use cases take
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
    @Embedded
    private Purchase purchase;
    @Enumerated(EnumType.STRING)
    private OrderStatus status;
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
    @Embedded
    private Bill bill;

    protected Order() {
    }

    /** A new order for a checked-out hold, costing {@code bill}, awaiting payment until {@code paymentDue}. */
    static Order place(Purchase purchase, Bill bill, Instant now, Instant paymentDue) {
        if (paymentDue.isBefore(now)) {
            throw new IllegalArgumentException("payment is not due before the order is placed");
        }
        Order order = new Order();
        order.purchase = purchase;
        order.bill = bill;
        order.status = OrderStatus.PENDING_PAYMENT;
        order.createdAt = now;
        order.paymentDue = paymentDue;
        order.updatedAt = now;
        return order;
    }

    /** What {@code payment} arriving now calls for; nothing changes until the transition it names is taken. */
    PaymentVerdict judge(Payment payment) {
        return PaymentVerdict.of(status, settlement, payment);
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
        long refund = sold ? settlement.refundable() : 0;
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

    /** Whether money was taken for it. */
    boolean paid() {
        return settlement.paid();
    }

    /** Whether {@code buyerId} placed it. */
    boolean placedBy(UUID buyerId) {
        return purchase.buyerId().equals(buyerId);
    }

    /** The tickets it holds or bought: those of the hold it was checked out from, line by line. */
    Claim claim() {
        return new Claim(purchase.eventId(), purchase.buyerId(), purchase.holdId(), bill.lines().stream()
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

    /** Who bought which hold's tickets of which event, in which currency. */
    public Purchase purchase() {
        return purchase;
    }

    public OrderStatus status() {
        return status;
    }

    /** What it costs: its lines and total, as priced at checkout. */
    public Bill bill() {
        return bill;
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

    /** Its money: the payment that paid it, what was captured and what refunded. */
    public Settlement settlement() {
        return settlement;
    }

    /** Why it was cancelled, once it was. */
    public @Nullable CancelReason cancelReason() {
        return cancelReason;
    }
}
