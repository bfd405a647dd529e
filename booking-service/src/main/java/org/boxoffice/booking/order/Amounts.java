package org.boxoffice.booking.order;

import java.util.List;

import org.boxoffice.booking.event.Charges;

/**
 * What an order's lines add up to, in minor units: their price before discounts ({@code subtotalMinor}), what the
 * code took off, the service fees, the tax (included in the total or added to it, as the order's charges say) and
 * the total to pay.
 */
public record Amounts(long subtotalMinor, long discountMinor, long feeMinor, long taxMinor, long totalMinor,
        int quantity) {

    /** The sums of {@code lines}. */
    static Amounts of(List<OrderLine> lines) {
        long subtotal = 0;
        long discount = 0;
        long fee = 0;
        long tax = 0;
        long total = 0;
        int quantity = 0;
        for (OrderLine line : lines) {
            subtotal = Math.addExact(subtotal, line.amountMinor());
            discount = Math.addExact(discount, line.discountMinor());
            fee = Math.addExact(fee, line.feeMinor());
            tax = Math.addExact(tax, line.taxMinor());
            total = Math.addExact(total, line.totalMinor());
            quantity = Math.addExact(quantity, line.quantity());
        }
        return new Amounts(subtotal, discount, fee, tax, total, quantity);
    }

    /**
     * The shares of tax and fee in {@code refundedMinor} of this total given back so far, rounded half up: all of them
     * once all is back. The shares of one refund are the difference of these before and after it, so the refunds of
     * an order never give back more tax or fee than it charged, and give back all of it with all of the money.
     */
    public Refunded refunded(long refundedMinor) {
        long part = Math.min(refundedMinor, totalMinor);
        return new Refunded(part, Charges.share(part, taxMinor, totalMinor), Charges.share(part, feeMinor, totalMinor));
    }

    /** Money given back, with the tax and the fee in it. */
    public record Refunded(long amountMinor, long taxMinor, long feeMinor) {
    }
}
