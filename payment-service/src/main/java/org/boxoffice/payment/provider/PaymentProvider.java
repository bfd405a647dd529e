package org.boxoffice.payment.provider;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payment provider as payment-service uses it, shaped after the big ones: a charge is started synchronously and
 * its outcome arrives later as a signed webhook; refunds are synchronous; the provider keeps its own ledger, which
 * reconciliation compares with ours. Every call is idempotent by our reference, so retrying one is always safe.
 */
public interface PaymentProvider {

    /** Name in the webhook path ({@code /api/v1/webhooks/payments/<name>}) and on each payment. */
    String name();

    /**
     * Starts charging the card; the outcome comes by webhook. Calling it again with the same reference returns the
     * same provider payment and charges nothing more.
     *
     * @return the provider's id of the payment
     */
    String charge(ChargeRequest request);

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

    record Card(String number, int expMonth, int expYear, String cvc) {

        public String last4() {
            return number.substring(number.length() - 4);
        }

        @Override
        public String toString() {
            return "Card[****" + last4() + "]";
        }
    }

    /** @param reference our payment id, echoed in every webhook about this charge */
    record ChargeRequest(UUID reference, long amountMinor, String currency, Card card) {
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
