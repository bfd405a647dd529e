package org.boxoffice.booking.order;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/** A checked-out hold: line items and a total computed on the server from the event's price tiers. */
public record Order(UUID id, UUID eventId, UUID buyerId, UUID holdId, OrderStatus status, long totalMinor,
        Currency currency, int quantity, Instant createdAt, Instant paymentDue, Instant updatedAt,
        List<OrderLine> lines) {

    /** The state after the organizer cancels: unpaid orders are cancelled, paid ones await a refund. */
    OrderStatus cancelled() {
        return switch (status) {
            case PENDING_PAYMENT -> OrderStatus.CANCELLED;
            case CONFIRMED -> OrderStatus.REFUND_REQUESTED;
            default -> throw new OrderStateConflict(id, status, "A " + status + " order cannot be cancelled.");
        };
    }

    /** The state after payment succeeds. */
    OrderStatus confirmed() {
        if (status != OrderStatus.PENDING_PAYMENT) {
            throw new OrderStateConflict(id, status, "A " + status + " order cannot be confirmed.");
        }
        return OrderStatus.CONFIRMED;
    }
}
