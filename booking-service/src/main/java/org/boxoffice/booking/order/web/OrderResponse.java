package org.boxoffice.booking.order.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.order.Order;
import org.boxoffice.booking.order.OrderLine;
import org.boxoffice.booking.order.OrderStatus;
import org.jspecify.annotations.Nullable;

/**
 * An order with its lines; amounts in minor units of {@code currency}. {@code subtotalMinor} is the lines' price,
 * {@code discountMinor} what {@code promoCode} took off (one entry of {@code discounts} per discounted line), and
 * {@code totalMinor} what is to be paid.
 */
public record OrderResponse(UUID id, UUID eventId, UUID holdId, OrderStatus status, long totalMinor,
        String currency, int quantity, Instant createdAt, Instant paymentDue, long paidMinor, long refundedMinor,
        @Nullable String cancelReason, List<Line> lines, @Nullable String promoCode, long subtotalMinor,
        long discountMinor, List<Discount> discounts) {

    /** A line before discount: {@code amountMinor} is {@code quantity × unitPriceMinor}. */
    public record Line(UUID sectionId, @Nullable UUID seatId, String description, int quantity,
            long unitPriceMinor, long amountMinor, long discountMinor) {
    }

    /** What the order's code took off one of its lines ({@code line}: its index in {@code lines}). */
    public record Discount(String code, int line, String description, long amountMinor) {
    }

    public static OrderResponse of(Order order) {
        List<OrderLine> lines = order.lines();
        List<Discount> discounts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            if (line.discountMinor() > 0 && order.promoCode() != null) {
                discounts.add(new Discount(order.promoCode(), i, order.promoCode() + ": " + line.description(),
                        line.discountMinor()));
            }
        }
        return new OrderResponse(order.id(), order.eventId(), order.holdId(), order.status(), order.totalMinor(),
                order.currency().getCurrencyCode(), order.quantity(), order.createdAt(), order.paymentDue(),
                order.paidMinor(), order.refundedMinor(),
                order.cancelReason() == null ? null : order.cancelReason().name(),
                lines.stream().map(l -> new Line(l.sectionId(), l.seatId(), l.description(), l.quantity(),
                        l.unitPriceMinor(), l.amountMinor(), l.discountMinor())).toList(),
                order.promoCode(), order.subtotalMinor(), order.discountMinor(), List.copyOf(discounts));
    }
}
