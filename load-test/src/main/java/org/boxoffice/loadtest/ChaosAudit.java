package org.boxoffice.loadtest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.boxoffice.loadtest.Audit.Result;

/**
 * The audit the chaos run makes after each fault (load-test/chaos.sh, docs/reliability.md): the sale audit
 * ({@link Audit}: no seat twice, capacities, money, one ticket email per confirmed order, nothing stuck) plus what a
 * fault in the middle of a sale could lose, each with {@link #SETTLE_GRACE} for the saga to finish:
 * <ul>
 * <li>no charge the provider took without a payment outcome (a charge whose answer was lost must not be failed);</li>
 * <li>no order still pending whose payment has an outcome (the outcome's event must reach booking);</li>
 * <li>every event a consumer acts on reached its inbox once published (events lost with Redis's data);</li>
 * <li>no committed event left unpublished in any service's outbox;</li>
 * <li>no dead letter (the count is read from Redis by the script and passed in).</li>
 * </ul>
 * Re-runs every check until all pass or the settle time is over, like {@link Audit}, and says how long that took: a
 * service restarted under load (a JVM starting on cores the sale keeps busy) catches up on the events it missed, which
 * is lag, not loss; the time it takes is reported beside the fault. Usage:
 * {@code ChaosAudit <markdownOut> <settleSeconds> <deadLetters>}; the database from {@code BOXOFFICE_DB_URL}.
 * Exits 1 on a violation.
 */
public final class ChaosAudit {

    /** How long the saga may take to settle an outcome after the fact that decides it. */
    static final String SETTLE_GRACE = "60 seconds";

    /** Consumer schema, producer schema, and the producer's event types the consumer acts on. */
    private static final List<String[]> CONSUMED = List.of(
            new String[] { "booking", "payment", "'PaymentSucceeded', 'PaymentFailed', 'RefundSucceeded'" },
            new String[] { "payment", "booking", "'RefundRequested'" },
            new String[] { "notification", "booking",
                    "'OrderPlaced', 'OrderConfirmed', 'OrderExpired', 'OrderCancelled', 'EventCancelled'" },
            new String[] { "notification", "payment", "'PaymentFailed'" },
            new String[] { "analytics", "payment", "'PaymentSucceeded', 'PaymentFailed', 'RefundSucceeded'" });

    private final Connection db;

    ChaosAudit(Connection db) {
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        int settle = Integer.parseInt(args[1]);
        long deadLetters = Long.parseLong(args[2]);
        String url = System.getenv().getOrDefault("BOXOFFICE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/boxoffice");
        try (Connection db = DriverManager.getConnection(url, System.getenv().getOrDefault("BOXOFFICE_DB_USER",
                "postgres"), System.getenv().getOrDefault("BOXOFFICE_DB_PASSWORD", ""))) {
            Audit sale = new Audit(db);
            ChaosAudit chaos = new ChaosAudit(db);
            Instant started = Instant.now();
            Instant deadline = started.plusSeconds(settle);
            List<Result> results = chaos.all(sale, deadLetters);
            while (results.stream().anyMatch(Result::violated) && Instant.now().isBefore(deadline)) {
                Thread.sleep(3_000);
                results = chaos.all(sale, deadLetters);
            }
            StringBuilder md = new StringBuilder("| check | result | detail |\n|---|---|---|\n");
            results.forEach(r -> md.append("| ").append(r.check()).append(" | ").append(r.outcome()).append(" | ")
                    .append(r.detail()).append(" |\n"));
            boolean violated = results.stream().anyMatch(Result::violated);
            md.append("\n").append(results.size()).append(" invariants checked, ")
                    .append(results.stream().filter(Result::violated).count()).append(" violated, at ")
                    .append(Instant.now()).append(", after ").append(Duration.between(started, Instant.now())
                            .toSeconds()).append(" s of settling (").append(settle).append(" s allowed).\n");
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, md.toString());
            System.out.print(md);
            System.exit(violated ? 1 : 0);
        }
    }

    List<Result> all(Audit sale, long deadLetters) throws SQLException {
        List<Result> results = new ArrayList<>(sale.run());
        results.add(none("every charge the provider took has a payment outcome (+" + SETTLE_GRACE + ")",
                """
                SELECT count(*) FROM payment.sandbox_charge c LEFT JOIN payment.payment p ON p.id = c.reference
                 WHERE c.status = 'SUCCEEDED' AND c.confirm_at < now() - interval '%s'
                   AND p.status IS DISTINCT FROM 'SUCCEEDED' AND p.status IS DISTINCT FROM 'PARTIALLY_REFUNDED'
                   AND p.status IS DISTINCT FROM 'REFUNDED'""".formatted(SETTLE_GRACE)));
        results.add(none("no accepted payment without an order outcome (+" + SETTLE_GRACE + ")",
                """
                SELECT count(*) FROM payment.payment p LEFT JOIN booking.purchase_order o ON o.id = p.order_id
                 WHERE p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED')
                   AND p.succeeded_at < now() - interval '%s'
                   AND (o.id IS NULL OR o.status = 'PENDING_PAYMENT')""".formatted(SETTLE_GRACE)));
        results.add(none("no order without a payment outcome: none pending whose payment has one (+" + SETTLE_GRACE
                + ")",
                """
                SELECT count(*) FROM booking.purchase_order o
                 WHERE o.status = 'PENDING_PAYMENT' AND EXISTS (SELECT 1 FROM payment.payment p
                       WHERE p.order_id = o.id AND p.status <> 'PROCESSING'
                         AND coalesce(p.succeeded_at, p.updated_at) < now() - interval '%s')
                   AND NOT EXISTS (SELECT 1 FROM payment.payment p WHERE p.order_id = o.id
                       AND p.status = 'PROCESSING')""".formatted(SETTLE_GRACE)));
        for (String[] consumed : CONSUMED) {
            results.add(none(consumed[0] + " handled every " + consumed[1] + " event it acts on (published "
                    + SETTLE_GRACE + " ago)",
                    """
                    SELECT count(*) FROM %2$s.outbox_event e
                     WHERE e.type IN (%3$s) AND e.published_at < now() - interval '%4$s'
                       AND NOT EXISTS (SELECT 1 FROM %1$s.inbox_event i WHERE i.event_id = e.id)"""
                            .formatted(consumed[0], consumed[1], consumed[2], SETTLE_GRACE)));
        }
        for (String schema : List.of("booking", "payment", "user", "notification", "analytics")) {
            String table = (schema.equals("user") ? "users" : schema) + ".outbox_event";
            if (exists(table)) {
                results.add(none("no event left unpublished in " + table + " (+" + SETTLE_GRACE + ")",
                        "SELECT count(*) FROM " + table + " WHERE published_at IS NULL AND occurred_at < now() - "
                                + "interval '" + SETTLE_GRACE + "'"));
            }
        }
        results.add(new Result("no dead letters (boxoffice.events.dead-letters)", deadLetters == 0 ? "PASS" : "FAIL",
                deadLetters + " in the stream"));
        return results;
    }

    private Result none(String check, String countSql) throws SQLException {
        long found = count(countSql);
        return new Result(check, found == 0 ? "PASS" : "FAIL", found == 0 ? "0 found" : found + " found");
    }

    private boolean exists(String table) throws SQLException {
        return count("SELECT count(*) FROM pg_tables WHERE schemaname || '.' || tablename = '" + table + "'") > 0;
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
