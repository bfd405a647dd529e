package org.boxoffice.analytics.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.boxoffice.analytics.system.AnalyticsProperties;
import org.boxoffice.platform.background.BackgroundTask;
import org.boxoffice.platform.data.SqlByDesign;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sale's business metrics, exported as counters whose values are the read model's own totals.
 *
 * <p>Why read them from the read model instead of incrementing in the event handlers: the read model is applied
 * exactly once per event, so redeliveries and rebuilds can never inflate these; an in-memory counter would count a
 * replayed history a second time. The cost is that every replica reports the platform total — query them with
 * {@code max} (not {@code sum}) across instances; a rebuild looks to Prometheus like a counter reset, which
 * {@code rate()} already handles. Values are refreshed every {@code boxoffice.analytics.metrics-refresh}.
 */
@SqlByDesign("Analytics: the business metrics are aggregate totals of the read model")
@Component
class BusinessMetrics extends BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(BusinessMetrics.class);

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Set<String> currencies = ConcurrentHashMap.newKeySet();
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    BusinessMetrics(JdbcClient jdbc, MeterRegistry meters, AnalyticsProperties properties) {
        super("business-metrics", properties.metricsRefresh(), true);
        this.jdbc = jdbc;
        this.meters = meters;
        counter("boxoffice.tickets.sold", "Tickets issued to buyers (confirmed orders)", s -> s.ticketsSold);
        counter("boxoffice.holds", "Holds placed; rate() gives holds per second", s -> s.holds);
        counter("boxoffice.orders.paid", "Orders confirmed after payment", s -> s.paidOrders);
        FunctionCounter.builder("boxoffice.sale.payment.outcomes", this, m -> m.snapshot.paymentsSucceeded)
                .description("Payment outcomes seen by analytics (payment-service's own is boxoffice_payments_total)")
                .tag("outcome", "succeeded").register(meters);
        FunctionCounter.builder("boxoffice.sale.payment.outcomes", this, m -> m.snapshot.paymentsFailed)
                .description("Payment outcomes seen by analytics (payment-service's own is boxoffice_payments_total)")
                .tag("outcome", "failed").register(meters);
        Gauge.builder("boxoffice.payment.success.ratio", this, m -> m.snapshot.successRatio())
                .description("Succeeded / (succeeded + failed) payments since the sale history began")
                .register(meters);
    }

    @Override
    protected boolean runOnce() {
        refresh();
        return false;
    }

    void refresh() {
        try {
            Map<String, Object> totals = jdbc.sql("""
                    SELECT (SELECT count(*) FROM ticket_fact) AS tickets,
                           (SELECT count(*) FROM hold_fact) AS holds,
                           (SELECT count(*) FROM order_fact WHERE confirmed_at IS NOT NULL) AS paid,
                           (SELECT count(*) FROM payment_fact WHERE outcome = 'SUCCEEDED') AS succeeded,
                           (SELECT count(*) FROM payment_fact WHERE outcome = 'FAILED') AS failed
                    """).query().singleRow();
            Map<String, Long> revenue = new ConcurrentHashMap<>();
            jdbc.sql("SELECT currency, sum(amount_minor) AS gross FROM payment_fact WHERE outcome = 'SUCCEEDED'"
                    + " GROUP BY currency").query((java.sql.ResultSet rs) -> {
                revenue.put(rs.getString("currency"), rs.getLong("gross"));
            });
            snapshot = new Snapshot(number(totals, "tickets"), number(totals, "holds"), number(totals, "paid"),
                    number(totals, "succeeded"), number(totals, "failed"), Map.copyOf(revenue));
            revenue.keySet().forEach(this::registerCurrency);
        } catch (RuntimeException e) {
            // Keep the last values: a database blip must not turn the counters into resets.
            log.warn("Could not refresh business metrics: {}", e.toString());
        }
    }

    private void registerCurrency(String currency) {
        if (currencies.add(currency)) {
            FunctionCounter.builder("boxoffice.revenue.minor", this,
                            m -> m.snapshot.revenueMinor.getOrDefault(currency, 0L))
                    .description("Money captured by successful payments, in minor units of the currency")
                    .tag("currency", currency).register(meters);
        }
    }

    private void counter(String name, String description, ToDoubleFunction<Snapshot> value) {
        FunctionCounter.builder(name, this, m -> value.applyAsDouble(m.snapshot)).description(description)
                .register(meters);
    }

    private static long number(Map<String, Object> row, String column) {
        Object value = row.get(column);
        return value == null ? 0 : ((Number) value).longValue();
    }

    private record Snapshot(long ticketsSold, long holds, long paidOrders, long paymentsSucceeded,
            long paymentsFailed, Map<String, Long> revenueMinor) {

        static final Snapshot EMPTY = new Snapshot(0, 0, 0, 0, 0, Map.of());

        double successRatio() {
            long outcomes = paymentsSucceeded + paymentsFailed;
            return outcomes == 0 ? Double.NaN : (double) paymentsSucceeded / outcomes;
        }
    }
}
