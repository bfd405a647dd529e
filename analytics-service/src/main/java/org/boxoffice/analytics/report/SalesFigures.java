package org.boxoffice.analytics.report;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The funnel and money figures of a sale, for one event or the whole platform (definitions in docs/analytics.md).
 *
 * @param holdsPlaced          holds placed
 * @param holdsExpired         holds that ran out before checkout
 * @param holdsReleased        holds given back by the buyer or the organizer
 * @param checkouts            orders placed (holds checked out)
 * @param paidOrders           orders confirmed after payment
 * @param ordersExpired        orders whose payment did not arrive in time
 * @param cancellations        orders cancelled (by buyer, organizer, event cancellation, or paid after expiry)
 * @param paymentsSucceeded    payments that succeeded
 * @param paymentsFailed       payments declined or failed
 * @param paymentSuccessRatio  succeeded / (succeeded + failed), 4 decimals; null before any payment outcome
 * @param ticketsSold          tickets of paid orders that are not cancelled
 * @param refunds              refunds paid out
 * @param holdToPaidConversion holds that became a paid order / holds placed, 4 decimals; null before any hold
 * @param revenue              money per currency
 */
public record SalesFigures(long holdsPlaced, long holdsExpired, long holdsReleased, long checkouts, long paidOrders,
        long ordersExpired, long cancellations, long paymentsSucceeded, long paymentsFailed,
        @Nullable BigDecimal paymentSuccessRatio, long ticketsSold, long refunds,
        @Nullable BigDecimal holdToPaidConversion, List<Revenue> revenue) {

    /**
     * Money of one currency, in integer minor units.
     *
     * @param grossMinor    captured by successful payments
     * @param refundedMinor paid back by successful refunds
     * @param netMinor      gross − refunded
     * @param refunds       number of refunds in this currency
     */
    public record Revenue(String currency, long grossMinor, long refundedMinor, long netMinor, long refunds) {
    }
}
