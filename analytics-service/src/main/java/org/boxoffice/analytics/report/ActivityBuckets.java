package org.boxoffice.analytics.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An event's activity counted per time bucket — holds, checkouts, paid orders, tickets and revenue per currency —
 * with one grouped query per measure; buckets without activity are zeros. Runs in the caller's transaction
 * ({@link SalesReports#timeSeries}, repeatable read), so the measures agree with each other.
 */
@SqlByDesign("Analytics: counts grouped by date_trunc buckets over the fact rows")
final class ActivityBuckets {

    private final JdbcClient jdbc;

    ActivityBuckets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One point per bucket of {@code granularity} from {@code aligned} (a bucket start) up to {@code end}. */
    List<TimeSeries.Point> points(UUID eventId, Instant aligned, Instant end, Granularity granularity) {
        TreeMap<Instant, Bucket> series = new TreeMap<>();
        for (Instant bucket = aligned; bucket.isBefore(end); bucket = granularity.next(bucket)) {
            series.put(bucket, new Bucket());
        }
        Timestamp lower = Timestamp.from(aligned);
        Timestamp upper = Timestamp.from(end);
        String field = granularity.sqlField();
        count(series, "SELECT date_trunc(?, placed_at, 'UTC') AS bucket, count(*) AS n FROM hold_fact"
                + " WHERE event_id = ? AND placed_at >= ? AND placed_at < ? GROUP BY 1",
                (b, n) -> b.holds = n, field, eventId, lower, upper);
        count(series, "SELECT date_trunc(?, placed_at, 'UTC') AS bucket, count(*) AS n FROM order_fact"
                + " WHERE event_id = ? AND placed_at >= ? AND placed_at < ? GROUP BY 1",
                (b, n) -> b.orders = n, field, eventId, lower, upper);
        count(series, "SELECT date_trunc(?, confirmed_at, 'UTC') AS bucket, count(*) AS n FROM order_fact"
                + " WHERE event_id = ? AND confirmed_at >= ? AND confirmed_at < ? GROUP BY 1",
                (b, n) -> b.paid = n, field, eventId, lower, upper);
        count(series, "SELECT date_trunc(?, sold_at, 'UTC') AS bucket, count(*) AS n FROM ticket_fact"
                + " WHERE event_id = ? AND sold_at >= ? AND sold_at < ? GROUP BY 1",
                (b, n) -> b.tickets = n, field, eventId, lower, upper);
        jdbc.sql("""
                SELECT date_trunc(?, p.occurred_at, 'UTC') AS bucket, p.currency, sum(p.amount_minor) AS n
                  FROM payment_fact p JOIN order_fact o ON o.order_id = p.order_id
                 WHERE o.event_id = ? AND p.outcome = 'SUCCEEDED' AND p.occurred_at >= ? AND p.occurred_at < ?
                 GROUP BY 1, 2
                """).params(field, eventId, lower, upper).query((ResultSet rs) -> {
            Bucket bucket = series.get(instant(rs, "bucket"));
            if (bucket != null) {
                bucket.revenue.put(rs.getString("currency"), rs.getLong("n"));
            }
        });
        List<TimeSeries.Point> points = new ArrayList<>(series.size());
        series.forEach((at, b) -> points.add(new TimeSeries.Point(at, b.holds, b.orders, b.paid, b.tickets,
                Collections.unmodifiableMap(b.revenue))));
        return points;
    }

    private void count(Map<Instant, Bucket> series, String sql, BucketSetter setter, Object... args) {
        jdbc.sql(sql).params(args).query((ResultSet rs) -> {
            Bucket bucket = series.get(instant(rs, "bucket"));
            if (bucket != null) {
                setter.set(bucket, rs.getLong("n"));
            }
        });
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static final class Bucket {
        long holds;
        long orders;
        long paid;
        long tickets;
        final Map<String, Long> revenue = new TreeMap<>();
    }

    @FunctionalInterface
    private interface BucketSetter {
        void set(Bucket bucket, long value);
    }
}
