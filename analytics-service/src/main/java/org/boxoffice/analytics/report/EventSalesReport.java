package org.boxoffice.analytics.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event's sale.
 *
 * @param capacity             tickets on sale, when an event announced it; null while unknown
 * @param sellThroughPercent   ticketsSold × 100 / capacity, 2 decimals; null while the capacity is unknown
 * @param saleStartedAt        the first hold placed
 * @param soldOutAt            when the capacity-th ticket was sold; null if never (or capacity unknown)
 * @param timeToSellOutSeconds soldOutAt − saleStartedAt
 */
public record EventSalesReport(UUID eventId, UUID organizationId, @Nullable String title, boolean cancelled,
        SalesFigures figures, @Nullable Integer capacity, @Nullable BigDecimal sellThroughPercent,
        @Nullable Instant saleStartedAt, @Nullable Instant soldOutAt, @Nullable Long timeToSellOutSeconds,
        List<TierSales> tiers, List<SectionSales> sections) {

    /** Tickets sold (not cancelled) at one tier and price currency, and their face value in minor units. */
    public record TierSales(String tierName, String currency, long ticketsSold, long revenueMinor) {
    }

    /** Tickets sold (not cancelled) in one section of the venue. */
    public record SectionSales(UUID sectionId, String sectionName, long ticketsSold) {
    }

    /**
     * Tickets sold per section and tier: the rows of the CSV export. {@code revenueMinor} is their face value; of what
     * was paid for them ({@code paidMinor}), {@code discountMinor} was taken off, {@code feeMinor} is service fees and
     * {@code taxMinor} tax. A ticket recorded before booking sent these counts its price as paid, with no discount,
     * fee or tax.
     */
    public record SectionTierSales(UUID sectionId, String sectionName, String tierName, String currency,
            long ticketsSold, long revenueMinor, long discountMinor, long feeMinor, long taxMinor, long paidMinor) {
    }
}
