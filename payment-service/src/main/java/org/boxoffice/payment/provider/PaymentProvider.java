package org.boxoffice.payment.provider;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payment provider as payment-service uses it, shaped after the big ones: card details go from the buyer's browser
 * to the provider, which answers with a single-use token, so Boxoffice only ever sees the token; a charge of a token
 * is started synchronously and its outcome arrives later as a signed webhook; refunds are synchronous; the provider
 * keeps its own ledger, which reconciliation compares with ours. Every call is idempotent by our reference, so
 * retrying one is always safe.
 */
public interface PaymentProvider {

    /** Name in the webhook path ({@code /api/v1/webhooks/payments/<name>}) and on each payment. */
    String name();

    /**
     * What a payment method token stands for — as a real provider's API returns it, never the card number. Does not
     * use the token up.
     *
     * @throws InvalidPaymentMethod when the provider does not know the token, it expired, or it was used
     */
    PaymentMethod paymentMethod(String token);

    /**
     * Starts charging the payment method, using its single-use token up; the outcome comes by webhook. Calling it
     * again with the same reference returns the same provider payment and charges nothing more.
     *
     * @return the provider's id of the payment
     * @throws InvalidPaymentMethod when the token is unknown, expired, or was used for another payment
     */
    String charge(ChargeRequest request);

    /**
     * The provider payment a charge with this reference started, if any: what a caller asks after a {@link #charge}
     * that got no answer (a timeout, a 5xx), when the charge may have been taken and only its answer lost.
     */
    java.util.Optional<String> chargeFor(UUID reference);

    /**
     * Refunds part or all of a captured payment, once per {@code refundId} however often it is called.
     *
     * @throws RefundDeclined when the provider refuses (nothing captured, amount above what is left)
     */
    ProviderRefund refund(String providerPaymentId, UUID refundId, long amountMinor, String currency);

    /**
     * Verifies a webhook's signature and timestamp and reads it.
     *
     * @throws InvalidWebhook when forged, stale or unreadable: the caller must change nothing
     */
    ProviderEvent verifyWebhook(@Nullable String signatureHeader, byte[] body, Instant now);

    /** The provider's record of every payment created since the given time. */
    List<ProviderRecord> ledger(Instant since);

    /**
     * A card as the provider describes it behind a token: no number, no CVC.
     *
     * @param token the single-use token the buyer's browser got from the provider
     */
    record PaymentMethod(String token, String last4, int expMonth, int expYear) {
    }

    /**
     * @param reference     our payment id, echoed in every webhook about this charge
     * @param paymentMethod the single-use token of the card to charge
     */
    record ChargeRequest(UUID reference, long amountMinor, String currency, String paymentMethod) {
    }

    record ProviderRefund(String id, long amountMinor) {
    }

    /** What a verified webhook says. {@code type} is one of {@link #PROCESSING}, {@link #SUCCEEDED}, {@link #FAILED}. */
    record ProviderEvent(String id, String type, String providerPaymentId, UUID reference, long amountMinor,
            String currency, @Nullable String failureReason, Instant created) {

        public static final String PROCESSING = "payment.processing";
        public static final String SUCCEEDED = "payment.succeeded";
        public static final String FAILED = "payment.failed";
    }

    /** One payment in the provider's ledger; {@code status} is {@code PENDING}, {@code SUCCEEDED} or {@code FAILED}. */
    record ProviderRecord(String providerPaymentId, UUID reference, String status, long amountMinor, String currency,
            long refundedMinor, @Nullable String failureReason) {
    }
}
