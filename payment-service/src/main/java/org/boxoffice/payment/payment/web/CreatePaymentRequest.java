package org.boxoffice.payment.payment.web;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Pay an order with a card. No amount: the amount is the order's, read from booking-service. */
public record CreatePaymentRequest(@NotNull UUID orderId, @NotNull @Valid CardDetails card) {

    public record CardDetails(
            @NotNull @Pattern(regexp = "\\d{12,19}", message = "must be 12 to 19 digits") String number,
            @NotNull @Min(1) @Max(12) Integer expMonth,
            @NotNull @Min(2000) @Max(2100) Integer expYear,
            @NotNull @Pattern(regexp = "\\d{3,4}", message = "must be 3 or 4 digits") String cvc) {

        @Override
        public String toString() {
            // Never log a card number or CVC.
            return "CardDetails[****]";
        }
    }
}
