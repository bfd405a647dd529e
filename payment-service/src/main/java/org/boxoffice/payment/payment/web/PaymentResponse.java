package org.boxoffice.payment.payment.web;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.payment.payment.Payment;
import org.boxoffice.payment.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;

/** A payment as its buyer sees it; amounts in minor units of {@code currency}. */
public record PaymentResponse(UUID id, UUID orderId, PaymentStatus status, long amountMinor, String currency,
        long capturedMinor, long refundedMinor, String provider, String cardLast4, @Nullable String failureReason,
        Instant createdAt, @Nullable Instant succeededAt) {

    public static PaymentResponse of(Payment payment) {
        return new PaymentResponse(payment.id(), payment.orderId(), payment.status(), payment.amountMinor(),
                payment.currency(), payment.capturedMinor(), payment.refundedMinor(), payment.provider(),
                payment.cardLast4(), payment.failureReason(), payment.createdAt(), payment.succeededAt());
    }
}
