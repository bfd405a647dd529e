package org.boxoffice.analytics.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An event's sale bucketed in time, every bucket of [from, to) present (zeros included) so charts need no gap filling.
 *
 * @param from first bucket's start ({@code from} as asked, aligned down to the granularity)
 * @param to   exclusive end
 */
public record TimeSeries(UUID eventId, String granularity, Instant from, Instant to, List<Point> points) {

    /**
     * One bucket. Counts are of what happened in it: holds placed, orders placed, orders paid, tickets sold and money
     * captured (per currency, minor units) — later cancellations do not rewrite history.
     */
    public record Point(Instant start, long holds, long orders, long paidOrders, long ticketsSold,
            Map<String, Long> revenueMinor) {
    }
}
