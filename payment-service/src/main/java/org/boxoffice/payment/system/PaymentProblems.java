package org.boxoffice.payment.system;

import org.boxoffice.platform.problem.ProblemType;

/** The problem types payment-service answers with, beyond the platform's generic ones. Slugs never change. */
public final class PaymentProblems {

    public static final ProblemType PAYMENT_NOT_FOUND = new ProblemType("payment-not-found", "Payment not found", 404);
    public static final ProblemType ORDER_NOT_FOUND = new ProblemType("order-not-found", "Order not found", 404);
    public static final ProblemType ORDER_NOT_PAYABLE = new ProblemType("order-not-payable",
            "The order's state does not allow payment", 409);
    public static final ProblemType PAYMENT_WINDOW_CLOSED = new ProblemType("payment-window-closed",
            "The order's payment window has closed", 422);
    public static final ProblemType PAYMENT_EXISTS = new ProblemType("payment-exists",
            "The order already has a payment", 409);
    public static final ProblemType CARD_EXPIRED = new ProblemType("card-expired", "Card expired", 422);
    public static final ProblemType INVALID_PAYMENT_METHOD = new ProblemType("invalid-payment-method",
            "Payment method unknown, expired or already used", 422);
    public static final ProblemType NOTHING_TO_PAY = new ProblemType("nothing-to-pay", "The order costs nothing", 409);
    public static final ProblemType INVALID_WEBHOOK_SIGNATURE = new ProblemType("invalid-webhook-signature",
            "Webhook signature invalid", 400);
    public static final ProblemType STALE_WEBHOOK = new ProblemType("stale-webhook",
            "Webhook timestamp outside the tolerance", 400);
    public static final ProblemType MALFORMED_WEBHOOK = new ProblemType("malformed-webhook", "Malformed webhook", 400);
    public static final ProblemType UNKNOWN_PROVIDER = new ProblemType("unknown-provider", "Unknown payment provider",
            404);
    public static final ProblemType PAYMENT_NOT_REFUNDABLE = new ProblemType("payment-not-refundable",
            "The payment's state does not allow a refund", 409);
    public static final ProblemType REFUND_EXCEEDS_CAPTURED = new ProblemType("refund-exceeds-captured",
            "Refund above what is left of the captured amount", 422);
    public static final ProblemType REFUND_DECLINED = new ProblemType("refund-declined", "Refund declined", 422);

    private PaymentProblems() {
    }
}
