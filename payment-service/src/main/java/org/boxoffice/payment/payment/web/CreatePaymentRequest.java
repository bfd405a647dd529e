package org.boxoffice.payment.payment.web;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Pay an order with a payment method token. No amount: the amount is the order's, read from booking-service. No card:
 * the buyer's browser sends card details to the provider, which answers with the token ({@code POST /sandbox/v1/tokens}
 * for the built-in sandbox); card details sent here are refused, never read.
 */
public record CreatePaymentRequest(
        @NotNull UUID orderId,
        @NotNull @Pattern(regexp = "[A-Za-z0-9_]{1,255}", message = "must be a payment method token from the provider")
        String paymentMethod,
        @Null(message = "card details are not accepted: send them to the payment provider and pay with its token")
        @Nullable Object card) {

    @Override
    public String toString() {
        return "CreatePaymentRequest[orderId=" + orderId + ", paymentMethod=" + paymentMethod + "]";
    }
}
