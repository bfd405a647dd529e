package org.boxoffice.analytics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.boxoffice.analytics.report.EventSalesReport.SectionSales;
import org.boxoffice.analytics.report.EventSalesReport.SectionTierSales;
import org.boxoffice.analytics.report.EventSalesReport.TierSales;
import org.boxoffice.analytics.report.SalesFigures.Revenue;
import org.boxoffice.analytics.system.AnalyticsProperties;
import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Aggregates the fact rows into the figures the API reports. Every answer is read in one repeatable-read
 * transaction, so its figures agree with each other even while events are being applied.
 */
@SqlByDesign("Analytics: reports aggregate the fact rows in one repeatable-read transaction")
@Service
@Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
public class SalesReports {

    private final JdbcClient jdbc;
    private final AnalyticsProperties properties;

    SalesReports(JdbcClient jdbc, AnalyticsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The event's report, if it has any sale activity and {@code mayManage} accepts its organization. */
    public EventSalesReport event(UUID eventId, Predicate<UUID> mayManage) {
        SaleEvent event = visibleEvent(eventId, mayManage);
        Scope scope = Scope.event(eventId);
        SalesFigures figures = figures(scope);
        @Nullable Timestamp firstHold = jdbc.sql("SELECT min(placed_at) FROM hold_fact WHERE event_id = ?")
                .params(eventId).query(Timestamp.class).optional().orElse(null);
        @Nullable Instant saleStartedAt = firstHold == null ? null : firstHold.toInstant();
        @Nullable BigDecimal sellThrough = null;
        @Nullable Instant soldOutAt = null;
        if (event.capacity() != null) {
            sellThrough = ratio(figures.ticketsSold() * 100, event.capacity(), 2);
            // The first moment the capacity-th ticket was sold, cancellations afterwards notwithstanding.
            soldOutAt = jdbc.sql("SELECT sold_at FROM ticket_fact WHERE event_id = ? ORDER BY sold_at, ticket_id"
                    + " OFFSET ? LIMIT 1").params(eventId, event.capacity() - 1)
                    .query((rs, n) -> instant(rs, "sold_at")).list()
                    .stream().findFirst().orElse(null);
        }
        @Nullable Long timeToSellOut = soldOutAt != null && saleStartedAt != null
                ? Duration.between(saleStartedAt, soldOutAt).toSeconds() : null;
        List<TierSales> tiers = jdbc.sql("""
                SELECT t.tier_name, t.currency, count(*) AS tickets, sum(t.price_minor) AS revenue
                  FROM ticket_fact t JOIN order_fact o ON o.order_id = t.order_id
                 WHERE t.event_id = ? AND o.cancelled_at IS NULL
                 GROUP BY t.tier_name, t.currency ORDER BY t.tier_name, t.currency
                """).params(eventId).query((rs, n) -> new TierSales(rs.getString("tier_name"),
                rs.getString("currency"), rs.getLong("tickets"), rs.getLong("revenue"))).list();
        List<SectionSales> sections = jdbc.sql("""
                SELECT t.section_id, min(t.section_name) AS section_name, count(*) AS tickets
                  FROM ticket_fact t JOIN order_fact o ON o.order_id = t.order_id
                 WHERE t.event_id = ? AND o.cancelled_at IS NULL
                 GROUP BY t.section_id ORDER BY section_name, t.section_id
                """).params(eventId).query((rs, n) -> new SectionSales(rs.getObject("section_id", UUID.class),
                rs.getString("section_name"), rs.getLong("tickets"))).list();
        return new EventSalesReport(eventId, event.organizationId(), event.title(), event.cancelled(), figures,
                event.capacity(), sellThrough, saleStartedAt, soldOutAt, timeToSellOut, tiers, sections);
    }

    /** Tickets sold (not cancelled) per section and tier, for the CSV export. */
    public List<SectionTierSales> sectionTierSales(UUID eventId, Predicate<UUID> mayManage) {
        visibleEvent(eventId, mayManage);
        return jdbc.sql("""
                SELECT t.section_id, min(t.section_name) AS section_name, t.tier_name, t.currency,
                       count(*) AS tickets, sum(t.price_minor) AS revenue,
                       sum(coalesce(t.discount_minor, 0)) AS discount, sum(coalesce(t.fee_minor, 0)) AS fee,
                       sum(coalesce(t.tax_minor, 0)) AS tax, sum(coalesce(t.paid_minor, t.price_minor)) AS paid
                  FROM ticket_fact t JOIN order_fact o ON o.order_id = t.order_id
                 WHERE t.event_id = ? AND o.cancelled_at IS NULL
                 GROUP BY t.section_id, t.tier_name, t.currency
                 ORDER BY section_name, t.section_id, t.tier_name, t.currency
                """).params(eventId).query((rs, n) -> new SectionTierSales(rs.getObject("section_id", UUID.class),
                rs.getString("section_name"), rs.getString("tier_name"), rs.getString("currency"),
                rs.getLong("tickets"), rs.getLong("revenue"), rs.getLong("discount"), rs.getLong("fee"),
                rs.getLong("tax"), rs.getLong("paid"))).list();
    }

    /** Every event of the platform together. */
    public PlatformSummary platform() {
        Map<String, Object> counts = jdbc.sql(
                "SELECT count(*) AS events, count(DISTINCT organization_id) AS organizations FROM sale_event")
                .query().singleRow();
        return new PlatformSummary(((Number) counts.get("events")).longValue(),
                ((Number) counts.get("organizations")).longValue(), figures(Scope.PLATFORM));
    }

    /**
     * The event's activity per bucket in [from, to). Missing bounds default to the event's first and last activity.
     */
    public TimeSeries timeSeries(UUID eventId, Predicate<UUID> mayManage, @Nullable Instant from,
            @Nullable Instant to, Granularity granularity) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidTimeRange(from, to);
        }
        visibleEvent(eventId, mayManage);
        Map<String, Object> activity = jdbc.sql("""
                SELECT min(at) AS first, max(at) AS last FROM (
                    SELECT placed_at AS at FROM hold_fact WHERE event_id = ?
                    UNION ALL SELECT placed_at FROM order_fact WHERE event_id = ?
                    UNION ALL SELECT confirmed_at FROM order_fact WHERE event_id = ?
                    UNION ALL SELECT p.occurred_at FROM payment_fact p JOIN order_fact o ON o.order_id = p.order_id
                     WHERE o.event_id = ? AND p.outcome = 'SUCCEEDED') a
                """).params(eventId, eventId, eventId, eventId).query().singleRow();
        Instant first = activity.get("first") instanceof Timestamp t ? t.toInstant() : null;
        Instant last = activity.get("last") instanceof Timestamp t ? t.toInstant() : null;
        Instant start = from != null ? from : first;
        Instant end = to != null ? to : last != null ? granularity.next(granularity.truncate(last)) : null;
        if (start == null || end == null) {
            return new TimeSeries(eventId, granularity.label(), from != null ? from : Instant.EPOCH,
                    to != null ? to : Instant.EPOCH, List.of());
        }
        if (!start.isBefore(end)) {
            throw new InvalidTimeRange(start, end);
        }
        long buckets = granularity.buckets(start, end);
        if (buckets > properties.maxSeriesPoints()) {
            throw new TimeRangeTooLarge(buckets, properties.maxSeriesPoints(), granularity);
        }
        Instant aligned = granularity.truncate(start);
        List<TimeSeries.Point> points = new ActivityBuckets(jdbc).points(eventId, aligned, end, granularity);
        return new TimeSeries(eventId, granularity.label(), aligned, end, points);
    }

    private SalesFigures figures(Scope scope) {
        Map<String, Object> holds = jdbc.sql("""
                SELECT count(*) AS placed,
                       count(*) FILTER (WHERE release_reason = 'EXPIRED') AS expired,
                       count(*) FILTER (WHERE release_reason IN ('BUYER', 'ORGANIZER')) AS released
                  FROM hold_fact x WHERE\s""" + scope.condition())
                .params(scope.args(1)).query().singleRow();
        Map<String, Object> orders = jdbc.sql("""
                SELECT count(*) FILTER (WHERE placed_at IS NOT NULL) AS checkouts,
                       count(*) FILTER (WHERE confirmed_at IS NOT NULL) AS paid,
                       count(*) FILTER (WHERE expired_at IS NOT NULL) AS expired,
                       count(*) FILTER (WHERE cancelled_at IS NOT NULL) AS cancelled,
                       count(DISTINCT hold_id) FILTER (WHERE confirmed_at IS NOT NULL) AS paid_holds
                  FROM order_fact x WHERE\s""" + scope.condition())
                .params(scope.args(1)).query().singleRow();
        Map<String, Object> payments = jdbc.sql("""
                SELECT count(*) FILTER (WHERE p.outcome = 'SUCCEEDED') AS succeeded,
                       count(*) FILTER (WHERE p.outcome = 'FAILED') AS failed
                  FROM payment_fact p JOIN order_fact x ON x.order_id = p.order_id WHERE\s""" + scope.condition())
                .params(scope.args(1)).query().singleRow();
        Long tickets = jdbc.sql("""
                SELECT count(*) FROM ticket_fact t JOIN order_fact x ON x.order_id = t.order_id
                 WHERE x.cancelled_at IS NULL AND\s""" + scope.condition())
                .params(scope.args(1)).query(Long.class).single();
        List<Revenue> revenue = jdbc.sql("""
                SELECT currency, sum(gross) AS gross, sum(refunded) AS refunded, sum(refunds) AS refunds FROM (
                    SELECT p.currency, p.amount_minor AS gross, 0 AS refunded, 0 AS refunds
                      FROM payment_fact p JOIN order_fact x ON x.order_id = p.order_id
                     WHERE p.outcome = 'SUCCEEDED' AND %1$s
                    UNION ALL
                    SELECT r.currency, 0, r.amount_minor, 1
                      FROM refund_fact r JOIN order_fact x ON x.order_id = r.order_id WHERE %1$s) m
                 GROUP BY currency ORDER BY currency
                """.formatted(scope.condition())).params(scope.args(2)).query((rs, n) -> {
            long gross = rs.getLong("gross");
            long refunded = rs.getLong("refunded");
            return new Revenue(rs.getString("currency"), gross, refunded, gross - refunded, rs.getLong("refunds"));
        }).list();
        long placed = number(holds, "placed");
        long succeeded = number(payments, "succeeded");
        long failed = number(payments, "failed");
        return new SalesFigures(placed, number(holds, "expired"), number(holds, "released"),
                number(orders, "checkouts"), number(orders, "paid"), number(orders, "expired"),
                number(orders, "cancelled"), succeeded, failed, ratio(succeeded, succeeded + failed, 4),
                tickets == null ? 0 : tickets, revenue.stream().mapToLong(Revenue::refunds).sum(),
                ratio(number(orders, "paid_holds"), placed, 4), revenue);
    }

    private SaleEvent visibleEvent(UUID eventId, Predicate<UUID> mayManage) {
        Optional<SaleEvent> event = jdbc.sql(
                "SELECT organization_id, title, capacity, cancelled_at FROM sale_event WHERE event_id = ?")
                .params(eventId)
                .query((rs, n) -> new SaleEvent(rs.getObject("organization_id", UUID.class), rs.getString("title"),
                        (Integer) rs.getObject("capacity"), rs.getTimestamp("cancelled_at") != null))
                .optional();
        return event.filter(e -> mayManage.test(e.organizationId())).orElseThrow(() -> new EventNotFound(eventId));
    }

    private static @Nullable BigDecimal ratio(long numerator, long denominator, int scale) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_EVEN);
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private record SaleEvent(UUID organizationId, @Nullable String title, @Nullable Integer capacity,
            boolean cancelled) {
    }

    /** Restricts a figures query to one event ({@code x} is the aliased fact table) or to none. */
    private record Scope(String condition, @Nullable UUID eventId) {

        static final Scope PLATFORM = new Scope("TRUE", null);

        static Scope event(UUID eventId) {
            return new Scope("x.event_id = ?", eventId);
        }

        /** The arguments for a query that uses the condition {@code times} times. */
        Object[] args(int times) {
            return eventId == null ? new Object[0] : Collections.nCopies(times, (Object) eventId).toArray();
        }
    }
}
