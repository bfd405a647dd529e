package org.boxoffice.booking.order;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.event.EventStatus;
import org.boxoffice.booking.inventory.Inventory;
import org.boxoffice.booking.inventory.RetakeRefused;
import org.boxoffice.booking.invoice.Invoicing;
import org.boxoffice.booking.messaging.BookingEvents;
import org.boxoffice.booking.messaging.Published;
import org.boxoffice.booking.promo.CodeRedemption;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The booking side of the sale saga (docs/sale-saga.md): what payment-service's outcomes do to an order. Each runs
 * in the consumer's inbox transaction, on the order's locked row, so the transition, its tickets and the events
 * announcing them commit with the record that the outcome was handled.
 */
@Service
public class PaymentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(PaymentOutcomes.class);

    private final Orders orders;
    private final OrderStatements statements;
    private final EventService events;
    private final Inventory inventory;
    private final OrderFulfilment fulfilment;
    private final BookingEvents announcements;
    private final TransactionTemplate savepoint;
    private final CodeRedemption codes;
    private final Invoicing invoicing;
    private final Clock clock;

    PaymentOutcomes(Orders orders, OrderStatements statements, EventService events, Inventory inventory,
            OrderFulfilment fulfilment, BookingEvents announcements, PlatformTransactionManager transactionManager,
            CodeRedemption codes, Invoicing invoicing, Clock clock) {
        this.orders = orders;
        this.statements = statements;
        this.events = events;
        this.inventory = inventory;
        this.fulfilment = fulfilment;
        this.announcements = announcements;
        this.savepoint = new TransactionTemplate(transactionManager);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.codes = codes;
        this.invoicing = invoicing;
        this.clock = clock;
    }

    /**
     * Payment succeeded. A pending order is confirmed. An order that stopped waiting — expired, or failed on an
     * earlier attempt — is confirmed only if its same seats can be taken again through the fence; otherwise, as for
     * any order that can no longer be sold, the money goes back. A second payment for an order already paid is
     * refunded. Nothing paid is ever kept silently.
     */
    public void paymentSucceeded(UUID orderId, UUID paymentId, long amountMinor) {
        Order order = orders.findForUpdate(orderId)
                .orElseThrow(() -> new IllegalStateException("PaymentSucceeded for unknown order " + orderId));
        Event event = events.byId(order.purchase().eventId());
        Payment payment = new Payment(paymentId, amountMinor);
        switch (order.judge(payment)) {
            case ALREADY_COUNTED -> {
            }
            case DUPLICATE -> {
                log.warn("Order {} was paid by {} already; refunding the second payment {}", orderId,
                        order.settlement().paymentId(), paymentId);
                requestRefund(order, amountMinor, RefundReason.DUPLICATE_PAYMENT, paymentId);
            }
            // A free order, confirmed at checkout: nothing was due, so whatever was paid goes back.
            case NOTHING_DUE -> requestRefund(order, amountMinor, RefundReason.NOTHING_DUE, paymentId);
            case CONFIRM -> fulfilment.confirm(order, event, payment);
            case RETAKE_OR_REFUND -> confirmLateOrRefund(order, event, payment);
            case REFUND_AFTER_CANCELLATION -> {
                // Cancelled before the money arrived (buyer, organizer, cancelled event): the buyer gets it back.
                order.paidAfterCancellation(payment, clock.instant());
                orders.flush();
                requestRefund(order, null, RefundReason.PAID_AFTER_CANCELLATION, paymentId);
            }
        }
    }

    /**
     * Payment failed. A decline (or any failure the buyer cannot simply retry) ends a pending order FAILED and puts its
     * seats back on sale. A failure that charged nothing because the provider could not be reached leaves the order
     * payable: its seats stay held until its payment window closes, when the expiry sweep releases them if no other
     * payment succeeded. Late failures change nothing.
     */
    public void paymentFailed(UUID orderId, boolean mayPayAgain) {
        Order order = orders.findForUpdate(orderId)
                .orElseThrow(() -> new IllegalStateException("PaymentFailed for unknown order " + orderId));
        if (order.status() != OrderStatus.PENDING_PAYMENT || mayPayAgain) {
            return;
        }
        fulfilment.giveBack(order, order.fail(clock.instant()));
    }

    /**
     * payment-service returned money. Each refund counts once; refunds of a duplicate payment leave the order alone.
     * The whole payment back → REFUNDED, tickets void and, if the order still had them, seats back on sale; part of
     * it → PARTIALLY_REFUNDED, tickets still valid (a goodwill or fee refund, not a cancellation). A refund of an
     * invoiced order gets a credit note with its share of the tax and the fee.
     */
    public void refundSucceeded(UUID refundId, @Nullable UUID paymentId, UUID orderId, long amountMinor) {
        Order order = orders.findForUpdate(orderId)
                .orElseThrow(() -> new IllegalStateException("RefundSucceeded for unknown order " + orderId));
        Instant now = clock.instant();
        if (!statements.recordRefund(refundId, orderId, amountMinor, now)) {
            return;
        }
        if (!order.settlement().refundsItsPayment(paymentId)) {
            return;
        }
        Amounts.Refunded before = order.bill().amounts().refunded(order.settlement().refundedMinor());
        boolean whole = order.refunded(amountMinor, now);
        orders.flush();
        Amounts.Refunded after = order.bill().amounts().refunded(order.settlement().refundedMinor());
        // The refund's tax and fee: what the refunds so far hold of them, less what those before it held.
        invoicing.issueCreditNote(orderId, refundId, after.amountMinor() - before.amountMinor(),
                after.taxMinor() - before.taxMinor(), after.feeMinor() - before.feeMinor());
        if (whole) {
            fulfilment.refundedInFull(order);
        }
    }

    /**
     * Invariant 7: the same seats again if still free (same fence as a hold) and within the buyer's per-buyer limit
     * (the expired order gave its tickets back, and the buyer may have held or bought others since), else a full
     * refund.
     */
    private void confirmLateOrRefund(Order order, Event event, Payment payment) {
        boolean sellable = event.status() == EventStatus.PUBLISHED || event.status() == EventStatus.SALES_PAUSED;
        InventoryChange retaken = null;
        if (sellable) {
            try {
                retaken = savepoint.execute(status -> {
                    InventoryChange change = new InventoryChange(order.purchase().eventId());
                    inventory.retake(order.claim(), event.maxPerBuyer(), change);
                    // The codes its tickets used, again: a code used up since refunds the late payment too.
                    codes.retake(order.purchase().holdId());
                    return change;
                });
            } catch (CodeRedemption.RetakeRefused refused) {
                log.info("Order {} was paid after expiry, but a code it used is used up since; refunding", order.id());
            } catch (RetakeRefused refused) {
                if (refused.refusal() == RetakeRefused.Cause.TAKEN) {
                    log.info("Order {} was paid after its seats were released and resold; refunding", order.id());
                } else {
                    log.info("Order {} was paid after expiry, but its buyer has held or bought other tickets since and"
                            + " the re-take would pass the limit of {} per buyer; refunding", order.id(),
                            event.maxPerBuyer());
                }
            }
        }
        if (retaken != null) {
            fulfilment.afterCommit(retaken);
            fulfilment.confirm(order, event, payment);
            return;
        }
        Instant now = clock.instant();
        order.paidTooLate(payment, now);
        orders.flush();
        requestRefund(order, null, RefundReason.PAID_AFTER_EXPIRY, payment.id());
        announcements.announce(new Published.OrderCancelled(order.id(), event.id(), event.organizationId(),
                order.purchase().buyerId(), order.purchase().buyerEmail(), event.title(),
                CancelReason.PAID_AFTER_EXPIRY.name(),
                payment.amountMinor(), order.purchase().currency().getCurrencyCode(), now));
    }

    /** Asks payment-service for {@code amountMinor} back (null: everything still refundable, to the minor unit). */
    private void requestRefund(Order order, @Nullable Long amountMinor, RefundReason reason, UUID paymentId) {
        announcements.announce(new Published.RefundRequested(order.id(), order.purchase().buyerId(), amountMinor,
                order.purchase().currency().getCurrencyCode(), reason.name(), paymentId));
    }
}
