package org.boxoffice.payment.order;

import java.time.Instant;
import java.util.UUID;

/**
 * payment-service's own copy of the part of booking's order it needs (booking's {@code OrderResponse}); unknown
 * fields are ignored so booking can add to its response without breaking payments.
 *
 * @param status     booking's order status, e.g. {@code PENDING_PAYMENT}
 * @param totalMinor the amount to charge, in minor units of {@code currency}
 */
public record BookingOrder(UUID id, UUID eventId, String status, long totalMinor, String currency,
        Instant paymentDue) {

    public static final String PENDING_PAYMENT = "PENDING_PAYMENT";
}
