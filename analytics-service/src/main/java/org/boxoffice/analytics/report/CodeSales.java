package org.boxoffice.analytics.report;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An event's sales per promo code (docs/analytics.md): one row per code and currency, codes in alphabetical order.
 * Orders without a code are not in it.
 */
public record CodeSales(UUID eventId, List<Code> codes) {

    /**
     * One code's figures. Orders, tickets and discount count the code's confirmed orders that were not later
     * cancelled, like {@code ticketsSold}; money is cash, like {@code revenue}: {@code grossMinor} captured by
     * successful payments of the code's orders, {@code refundedMinor} paid back, {@code netMinor} = gross − refunded.
     *
     * @param codeId        the code's id at booking-service; null when only orders from before booking sent it count
     * @param checkouts     orders placed with the code (whatever became of them)
     * @param orders        confirmed orders with the code, not cancelled
     * @param ticketsSold   their tickets
     * @param discountMinor the discount the code granted them
     * @param cancellations confirmed or unpaid orders with the code that were cancelled
     */
    public record Code(String code, @Nullable UUID codeId, String currency, long checkouts, long orders,
            long ticketsSold, long discountMinor, long grossMinor, long refundedMinor, long netMinor,
            long cancellations) {
    }
}
