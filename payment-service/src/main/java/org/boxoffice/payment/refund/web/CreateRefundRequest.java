package org.boxoffice.payment.refund.web;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** @param amountMinor minor units of the payment's currency; omitted for everything still refundable */
public record CreateRefundRequest(@Nullable @Positive Long amountMinor, @Nullable @Size(max = 500) String reason) {
}
