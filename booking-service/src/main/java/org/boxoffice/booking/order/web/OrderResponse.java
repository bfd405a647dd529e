package org.boxoffice.booking.order.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.order.Order;
import org.boxoffice.booking.order.OrderStatus;
import org.jspecify.annotations.Nullable;

/** An order with its lines; amounts in minor units of {@code currency}. */
public record OrderResponse(UUID id, UUID eventId, UUID holdId, OrderStatus status, long totalMinor,
        String currency, int quantity, Instant createdAt, Instant paymentDue, long paidMinor, long refundedMinor,
        @Nullable String cancelReason, List<Line> lines) {

    public record Line(UUID sectionId, @Nullable UUID seatId, String description, int quantity,
            long unitPriceMinor, long amountMinor) {
    }

    public static OrderResponse of(Order order) {
        return new OrderResponse(order.id(), order.eventId(), order.holdId(), order.status(), order.totalMinor(),
                order.currency().getCurrencyCode(), order.quantity(), order.createdAt(), order.paymentDue(),
                order.paidMinor(), order.refundedMinor(), order.cancelReason() == null ? null : order.cancelReason().name(), order.lines().stream().map(l -> new Line(l.sectionId(), l.seatId(), l.description(), l.quantity(),
                        l.unitPriceMinor(), l.amountMinor())).toList());
    }
}
