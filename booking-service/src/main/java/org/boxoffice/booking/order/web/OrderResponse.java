package org.boxoffice.booking.order.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.Charges;
import org.boxoffice.booking.order.Amounts;
import org.boxoffice.booking.order.Bill;
import org.boxoffice.booking.order.Order;
import org.boxoffice.booking.order.OrderLine;
import org.boxoffice.booking.order.OrderStatus;
import org.boxoffice.booking.question.AttendeeQuestions.Answered;
import org.jspecify.annotations.Nullable;

/**
 * An order with its lines; amounts in minor units of {@code currency}. {@code subtotalMinor} is the lines' price,
 * {@code discountMinor} what {@code promoCode} took off (one entry of {@code discounts} per discounted line),
 * {@code feeMinor} the service fees, {@code taxMinor} the tax ({@code taxIncluded}: contained in the total, else
 * added to it), and {@code totalMinor} what is to be paid. Of what was refunded, {@code refundedTaxMinor} and
 * {@code refundedFeeMinor} are the tax and fee. {@code answers} are the buyer's answers to the event's attendee
 * questions ({@code ticket}: the ticket's place in the order, for a question asked per ticket).
 */
public record OrderResponse(UUID id, UUID eventId, UUID holdId, OrderStatus status, long totalMinor,
        String currency, int quantity, Instant createdAt, Instant paymentDue, long paidMinor, long refundedMinor,
        @Nullable String cancelReason, List<Line> lines, @Nullable String promoCode, long subtotalMinor,
        long discountMinor, List<Discount> discounts, long feeMinor, long taxMinor, String taxLabel,
        int taxRateBasisPoints, boolean taxIncluded, long refundedTaxMinor, long refundedFeeMinor,
        List<Answered> answers) {

    /**
     * A line: {@code amountMinor} is {@code quantity × unitPriceMinor} before discount; {@code totalMinor} is the
     * amount less the discount plus the fee, plus the tax when it is not included.
     */
    public record Line(UUID sectionId, @Nullable UUID seatId, String description, int quantity,
            long unitPriceMinor, long amountMinor, long discountMinor, long feeMinor, long taxMinor, long totalMinor) {
    }

    /** What the order's code took off one of its lines ({@code line}: its index in {@code lines}). */
    public record Discount(String code, int line, String description, long amountMinor) {
    }

    static OrderResponse of(Order order, List<Answered> answers) {
        Bill bill = order.bill();
        List<OrderLine> lines = bill.lines();
        List<Discount> discounts = new ArrayList<>();
        String code = bill.promoCode();
        for (int i = 0; i < lines.size(); i++) {
            OrderLine line = lines.get(i);
            if (line.discountMinor() > 0 && code != null) {
                discounts.add(new Discount(code, i, code + ": " + line.description(), line.discountMinor()));
            }
        }
        Amounts amounts = bill.amounts();
        Charges charges = bill.charges();
        Amounts.Refunded refunded = amounts.refunded(order.settlement().refundedMinor());
        return new OrderResponse(order.id(), order.purchase().eventId(), order.purchase().holdId(), order.status(),
                bill.totalMinor(), order.purchase().currency().getCurrencyCode(), bill.quantity(), order.createdAt(),
                order.paymentDue(), order.settlement().paidMinor(), order.settlement().refundedMinor(),
                order.cancelReason() == null ? null : order.cancelReason().name(),
                lines.stream().map(l -> new Line(l.sectionId(), l.seatId(), l.description(), l.quantity(),
                        l.unitPriceMinor(), l.amountMinor(), l.discountMinor(), l.feeMinor(), l.taxMinor(),
                        l.totalMinor())).toList(),
                code, amounts.subtotalMinor(), amounts.discountMinor(), List.copyOf(discounts), amounts.feeMinor(),
                amounts.taxMinor(), charges.taxLabel(), charges.taxRateBasisPoints(), charges.taxIncluded(),
                refunded.taxMinor(), refunded.feeMinor(), List.copyOf(answers));
    }
}
