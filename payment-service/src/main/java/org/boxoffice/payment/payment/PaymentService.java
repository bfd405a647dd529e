package org.boxoffice.payment.payment;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.boxoffice.payment.order.BookingOrder;
import org.boxoffice.payment.order.BookingOrders;
import org.boxoffice.payment.payment.PaymentEvents.PaymentFailed;
import org.boxoffice.payment.payment.PaymentEvents.PaymentSucceeded;
import org.boxoffice.payment.provider.InvalidPaymentMethod;
import org.boxoffice.payment.provider.PaymentProvider;
import org.boxoffice.payment.provider.PaymentProvider.ChargeRequest;
import org.boxoffice.payment.provider.PaymentProvider.ProviderEvent;
import org.boxoffice.payment.provider.PaymentProviders;
import org.boxoffice.platform.events.Outbox;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments from creation to outcome. The amount always comes from booking-service. The outcome comes from the
 * provider (webhook, or reconciliation when a webhook was lost) and is applied once: the provider event id is stored
 * in the transaction that applies it, the status machine ignores transitions that no longer apply, and the
 * {@code PaymentSucceeded}/{@code PaymentFailed} event is written to the outbox in that same transaction.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    /** PostgreSQL's unique_violation: here only {@code payment_one_live_per_order} can raise it. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Payments payments;
    private final ProviderEvents providerEvents;
    private final BookingOrders orders;
    private final PaymentProviders providers;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Counter succeeded;
    private final Counter failed;

    PaymentService(Payments payments, ProviderEvents providerEvents, BookingOrders orders, PaymentProviders providers,
            Outbox outbox, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.payments = payments;
        this.providerEvents = providerEvents;
        this.orders = orders;
        this.providers = providers;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.succeeded = Counter.builder("boxoffice.payments").tag("outcome", "succeeded")
                .description("Payments by final outcome").register(meters);
        this.failed = Counter.builder("boxoffice.payments").tag("outcome", "failed")
                .description("Payments by final outcome").register(meters);
    }

    /** What the buyer asked to pay with: the provider's single-use token of their card, never the card itself. */
    public record NewPayment(UUID orderId, String paymentMethod) {
    }

    /**
     * Starts paying the buyer's order: checks it with booking (as the buyer), records the payment, asks the provider
     * to charge the payment method. The result is PROCESSING; the provider's webhook decides.
     */
    public Payment pay(CurrentUser buyer, String bearerToken, NewPayment request) {
        Instant now = clock.instant();
        PaymentProvider provider = providers.forNewPayments();
        PaymentProvider.PaymentMethod method = provider.paymentMethod(request.paymentMethod());
        if (YearMonth.of(method.expYear(), method.expMonth()).isBefore(YearMonth.from(now.atZone(ZoneOffset.UTC)))) {
            throw new CardExpired(method.expMonth(), method.expYear());
        }
        BookingOrder order = orders.find(request.orderId(), bearerToken);
        if (!BookingOrder.PENDING_PAYMENT.equals(order.status())) {
            throw new OrderNotPayable(order.id(), order.status());
        }
        if (order.totalMinor() <= 0) {
            throw new NothingToPay(order.id());
        }
        if (!order.paymentDue().isAfter(now)) {
            throw new PaymentWindowClosed(order.id(), order.paymentDue());
        }
        Payment payment = Payment.start(order.id(), buyer.id(), order.totalMinor(), order.currency(),
                provider.name(), method.last4(), now);
        try {
            transactions.executeWithoutResult(status -> payments.saveAndFlush(payment));
        } catch (DataIntegrityViolationException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            throw new PaymentExists(order.id(), payments.findLiveByOrder(order.id()).map(Payment::id)
                    .orElse(payment.id()));
        }
        String charged;
        try {
            charged = provider.charge(new ChargeRequest(payment.id(), payment.amountMinor(),
                    payment.currency(), method.token()));
        } catch (InvalidPaymentMethod used) {
            // Used up meanwhile by a concurrent payment of another order: this one never started.
            settle(payment.id(), Outcome.FAILED, "invalid_payment_method");
            throw used;
        } catch (RuntimeException e) {
            charged = afterUnansweredCharge(provider, payment.id(), e);
        }
        String providerPaymentId = charged;
        return transactions.execute(status -> {
            Payment current = payments.findForUpdate(payment.id()).orElseThrow();
            current.chargedAs(providerPaymentId, clock.instant());
            return payments.save(current);
        });
    }

    /**
     * A charge that got no answer may still have been taken, its answer lost (a timeout): failing the payment then
     * would leave the buyer's money with the provider and the order failed. So the provider is asked by our reference:
     * taken, the payment goes on as charged and the webhook decides; not taken, it failed (and may be retried); the
     * provider cannot say, it stays PROCESSING for the webhook or reconciliation to decide. Both refusals are a 503.
     */
    private String afterUnansweredCharge(PaymentProvider provider, UUID paymentId, RuntimeException error) {
        log.warn("Provider {} gave no answer to the charge of payment {}: {}", provider.name(), paymentId, error.toString());
        Optional<String> taken;
        try {
            taken = provider.chargeFor(paymentId);
        } catch (RuntimeException unknown) {
            throw new ProviderUnavailable(provider.name(), error);
        }
        if (taken.isEmpty()) {
            settle(paymentId, Outcome.FAILED, "provider_unavailable");
            throw new ProviderUnavailable(provider.name(), error);
        }
        return taken.get();
    }

    public Payment get(UUID paymentId, CurrentUser buyer) {
        return payments.findById(paymentId).filter(p -> p.buyerId().equals(buyer.id()))
                .orElseThrow(() -> new PaymentNotFound(paymentId));
    }

    public List<Payment> forOrder(UUID orderId, CurrentUser buyer) {
        return payments.findByOrderIdAndBuyerIdOrderByCreatedAt(orderId, buyer.id());
    }

    /** What a webhook did. */
    public enum WebhookResult { APPLIED, IGNORED_OUT_OF_ORDER, DUPLICATE, UNKNOWN_PAYMENT }

    /** Applies a verified provider event once: a redelivery or replay of the same event id changes nothing. */
    public WebhookResult apply(String providerName, ProviderEvent event) {
        Outcome outcome = switch (event.type()) {
            case ProviderEvent.SUCCEEDED -> Outcome.SUCCEEDED;
            case ProviderEvent.FAILED -> Outcome.FAILED;
            default -> null;
        };
        WebhookResult result = transactions.execute(status -> {
            if (!providerEvents.claim(providerName, event, clock.instant())) {
                return WebhookResult.DUPLICATE;
            }
            // Only an outcome changes the payment: only then is its row locked.
            Optional<Payment> payment = outcome == null ? payments.findById(event.reference())
                    : payments.findForUpdate(event.reference());
            WebhookResult applied;
            if (payment.isEmpty()) {
                applied = WebhookResult.UNKNOWN_PAYMENT;
            } else if (outcome == null) {
                // "processing" tells us nothing new: a payment is PROCESSING from the moment it exists.
                applied = WebhookResult.IGNORED_OUT_OF_ORDER;
            } else {
                applied = transition(payment.get(), outcome, event.failureReason())
                        ? WebhookResult.APPLIED : WebhookResult.IGNORED_OUT_OF_ORDER;
            }
            providerEvents.outcome(providerName, event.id(), applied);
            return applied;
        });
        if (result == WebhookResult.APPLIED) {
            count(outcome);
        }
        return result == null ? WebhookResult.DUPLICATE : result;
    }

    /** The provider's final word on a payment. */
    public enum Outcome { SUCCEEDED, FAILED }

    /**
     * Applies an outcome learned without a webhook (reconciliation, a provider that could not start the charge).
     *
     * @return true if it changed the payment (and announced it), false if the payment had already left PROCESSING
     */
    public boolean settle(UUID paymentId, Outcome outcome, String reason) {
        Boolean changed = transactions.execute(status -> transition(
                payments.findForUpdate(paymentId).orElseThrow(() -> new PaymentNotFound(paymentId)), outcome, reason));
        if (Boolean.TRUE.equals(changed)) {
            count(outcome);
        }
        return Boolean.TRUE.equals(changed);
    }

    /** Applies an outcome to a payment locked by the caller's transaction, and announces it if it changed it. */
    private boolean transition(Payment payment, Outcome outcome, @Nullable String reason) {
        Instant now = clock.instant();
        if (outcome == Outcome.SUCCEEDED) {
            if (!payment.succeed(now)) {
                return false;
            }
            payments.save(payment);
            outbox.append("PaymentSucceeded", 1, payment.orderId().toString(), new PaymentSucceeded(payment.id(),
                    payment.orderId(), payment.buyerId(), payment.capturedMinor(), payment.currency(), now));
        } else {
            String why = reason == null ? "declined" : reason;
            if (!payment.fail(why, now)) {
                return false;
            }
            payments.save(payment);
            outbox.append("PaymentFailed", 1, payment.orderId().toString(), PaymentFailed.of(payment, why));
        }
        return true;
    }

    private static boolean isUniqueViolation(DataIntegrityViolationException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void count(Outcome outcome) {
        (outcome == Outcome.SUCCEEDED ? succeeded : failed).increment();
    }
}
