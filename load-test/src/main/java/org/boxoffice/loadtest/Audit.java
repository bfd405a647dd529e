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

/**
 * The sale audit: reads the books of booking, payment and notification straight from PostgreSQL (the database the
 * platform runs on) and checks that the surge sold every seat at most once and lost no order, payment or message.
 *
 * <p>The saga is asynchronous (webhooks, streams, sweepers), so right after a run some effects are still on their way.
 * The audit re-runs every check until all pass or {@code --settle} seconds have gone by, and reports the last round:
 * a violation that persists past the settle time is a violation, not lag. Exits 1 on any violation.
 *
 * <p>Usage: {@code Audit [markdownOut] [settleSeconds]}; connection from {@code BOXOFFICE_DB_URL},
 * {@code BOXOFFICE_DB_USER}, {@code BOXOFFICE_DB_PASSWORD} (defaults: the local run's database).
 */
public final class Audit {

    /** Pending orders and active holds get this long past their deadline before they count as stuck: sweeper lag. */
    static final Duration SWEEPER_GRACE = Duration.ofSeconds(30);

    /**
     * A payment or an order changed this recently may still be on its way between the services (a capture whose
     * order is being confirmed, a refund whose order is being updated, a confirmation whose ticket email is being
     * planned). The checks that compare the two sides leave such rows out, so that the audit can run while buyers keep
     * paying (the chaos run audits under load); the same rows are checked once they are older.
     */
    static final Duration IN_FLIGHT = Duration.ofSeconds(60);

    /**
     * A payment recorded but never charged (payment-service stopped in between) is failed by reconciliation: within
     * its in-flight allowance (2 min) plus its interval (payment-service's
     * {@code BOXOFFICE_PAYMENT_RECONCILIATIONINTERVAL}, 10 min unless the environment says otherwise) plus 30 s.
     */
    static final Duration UNCHARGED_GRACE = Duration.ofMinutes(2).plusSeconds(30)
            .plus(duration(System.getenv("BOXOFFICE_PAYMENT_RECONCILIATIONINTERVAL"), Duration.ofMinutes(10)));

    /** A duration as Spring Boot reads a simple one ({@code 90s}, {@code 1m}, {@code 2h}), else {@code otherwise}. */
    static Duration duration(String value, Duration otherwise) {
        if (value == null || !value.matches("\\d+[smh]")) {
            return otherwise;
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** Orders that were paid and confirmed at some point; their seats stay sold unless they moved on to a refund. */
    static final String EVER_CONFIRMED = "('CONFIRMED', 'PARTIALLY_REFUNDED', 'REFUND_REQUESTED', 'REFUNDED')";
    /** Orders that own their seats right now. */
    static final String LIVE = "('PENDING_PAYMENT', 'CONFIRMED', 'PARTIALLY_REFUNDED')";

    record Result(String check, String outcome, String detail) {
        boolean violated() {
            return outcome.equals("FAIL");
        }
    }

    private final Connection db;

    Audit(Connection db) {
        this.db = db;
    }

    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : Path.of("load-test/target/report/audit.md");
        int settle = args.length > 1 ? Integer.parseInt(args[1]) : 120;
        String url = env("BOXOFFICE_DB_URL", "jdbc:postgresql://127.0.0.1:5432/boxoffice");
        try (Connection db = DriverManager.getConnection(url, env("BOXOFFICE_DB_USER", "postgres"),
                env("BOXOFFICE_DB_PASSWORD", ""))) {
            Audit audit = new Audit(db);
            Instant deadline = Instant.now().plusSeconds(settle);
            List<Result> results = audit.run();
            while (results.stream().anyMatch(Result::violated) && Instant.now().isBefore(deadline)) {
                Thread.sleep(3_000);
                results = audit.run();
            }
            StringBuilder md = new StringBuilder("| check | result | detail |\n|---|---|---|\n");
            results.forEach(r -> md.append("| ").append(r.check()).append(" | ").append(r.outcome()).append(" | ")
                    .append(r.detail()).append(" |\n"));
            boolean violated = results.stream().anyMatch(Result::violated);
            md.append("\nAudit ").append(violated ? "**FAILED**" : "**passed**").append(" at ").append(Instant.now())
                    .append(" against ").append(url).append(".\n");
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, md.toString());
            System.out.print(md);
            System.exit(violated ? 1 : 0);
        }
    }

    List<Result> run() throws SQLException {
        List<Result> results = new ArrayList<>();
        results.add(none("no seat in two active holds",
                """
                SELECT count(*) FROM (SELECT h.event_id, hi.seat_id FROM booking.hold_item hi
                  JOIN booking.hold h ON h.id = hi.hold_id
                 WHERE h.status = 'ACTIVE' AND hi.seat_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) x"""));
        results.add(none("no seat in two live orders",
                """
                SELECT count(*) FROM (SELECT o.event_id, l.seat_id FROM booking.order_line l
                  JOIN booking.purchase_order o ON o.id = l.order_id
                 WHERE o.status IN %s AND l.seat_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) x""".formatted(LIVE)));
        results.add(none("no seat on two valid tickets",
                """
                SELECT count(*) FROM (SELECT event_id, seat_id FROM booking.ticket
                 WHERE status = 'VALID' AND seat_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1) x"""));
        results.add(none("no seat both in an active hold and in another hold's order",
                """
                SELECT count(*) FROM booking.hold_item hi JOIN booking.hold h ON h.id = hi.hold_id
                  JOIN booking.order_line l ON l.seat_id = hi.seat_id
                  JOIN booking.purchase_order o ON o.id = l.order_id AND o.event_id = h.event_id
                 WHERE h.status = 'ACTIVE' AND o.status IN %s AND o.hold_id <> h.id""".formatted(LIVE)));
        results.add(none("every valid seat ticket is a SOLD seat of its own order's hold",
                """
                SELECT count(*) FROM booking.ticket t JOIN booking.purchase_order o ON o.id = t.order_id
                  LEFT JOIN booking.event_seat s ON s.event_id = t.event_id AND s.seat_id = t.seat_id
                 WHERE t.status = 'VALID' AND t.seat_id IS NOT NULL
                   AND (s.status IS DISTINCT FROM 'SOLD' OR s.hold_id IS DISTINCT FROM o.hold_id)"""));
        results.add(none("every SOLD seat has exactly one valid ticket",
                """
                SELECT count(*) FROM booking.event_seat s
                  LEFT JOIN (SELECT event_id, seat_id, count(*) AS n FROM booking.ticket
                              WHERE status = 'VALID' AND seat_id IS NOT NULL GROUP BY 1, 2) t
                    ON t.event_id = s.event_id AND t.seat_id = s.seat_id
                 WHERE s.status = 'SOLD' AND coalesce(t.n, 0) <> 1"""));
        results.add(none("sold + held <= capacity in every area stripe (their capacities add up to the area's)",
                "SELECT count(*) FROM booking.event_area WHERE held < 0 OR sold < 0 OR held + sold > capacity"));
        results.add(none("valid standing tickets per area = the area's sold count (and so <= capacity)",
                """
                SELECT count(*) FROM (SELECT event_id, section_id, sum(sold) AS sold FROM booking.event_area
                                       GROUP BY 1, 2) a
                 WHERE a.sold <> (SELECT count(*) FROM booking.ticket t WHERE t.event_id = a.event_id
                       AND t.section_id = a.section_id AND t.seat_id IS NULL AND t.status = 'VALID')"""));
        results.add(none("every confirmed order has a captured payment of its total",
                """
                SELECT count(*) FROM booking.purchase_order o
                 WHERE o.status = 'CONFIRMED' AND NOT EXISTS (SELECT 1 FROM payment.payment p WHERE p.order_id = o.id
                       AND p.status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED') AND p.captured_minor = o.total_minor
                       AND p.currency = o.currency)"""));
        results.add(none("every captured payment (unchanged for " + IN_FLIGHT.toSeconds() + " s) belongs to a confirmed"
                        + " order, or was refunded in full",
                """
                SELECT count(*) FROM payment.payment p LEFT JOIN booking.purchase_order o ON o.id = p.order_id
                 WHERE p.captured_minor > 0 AND p.updated_at < now() - interval '%d seconds'
                   AND NOT (o.status IN %s AND o.payment_id = p.id)
                   AND NOT (p.status = 'REFUNDED' AND p.refunded_minor = p.captured_minor)"""
                        .formatted(IN_FLIGHT.toSeconds(), EVER_CONFIRMED)));
        results.add(none("no PENDING_PAYMENT order past its payment deadline (+" + SWEEPER_GRACE.toSeconds() + " s)",
                "SELECT count(*) FROM booking.purchase_order WHERE status = 'PENDING_PAYMENT' AND payment_due < now() - "
                        + "interval '" + SWEEPER_GRACE.toSeconds() + " seconds'"));
        results.add(none("no ACTIVE hold past its expiry (+" + SWEEPER_GRACE.toSeconds() + " s)",
                "SELECT count(*) FROM booking.hold WHERE status = 'ACTIVE' AND expires_at < now() - interval '"
                        + SWEEPER_GRACE.toSeconds() + " seconds'"));
        results.add(none("no charged payment still PROCESSING after 60 s",
                "SELECT count(*) FROM payment.payment WHERE status = 'PROCESSING' AND provider_payment_id IS NOT NULL"
                        + " AND created_at < now() - interval '60 seconds'"));
        results.add(none("no payment left uncharged (payment-service stopped before charging) past reconciliation's"
                        + " reach (" + UNCHARGED_GRACE.toSeconds() + " s)",
                "SELECT count(*) FROM payment.payment WHERE status = 'PROCESSING' AND provider_payment_id IS NULL"
                        + " AND created_at < now() - interval '" + UNCHARGED_GRACE.toSeconds() + " seconds'"));
        results.add(money());
        results.add(notifications());
        results.addAll(waitingList());
        return results;
    }

    /**
     * Captured minus refunded, per currency, against the value of the confirmed orders plus what is left of the
     * partially refunded ones. Orders waiting for their refund (REFUND_REQUESTED) still hold the money until the
     * refund completes, so they count with what has not been refunded yet. Compared payment by payment (a payment
     * keeps its order's value when it is the order's payment, nothing otherwise), so that a payment or order changed
     * in the last {@link #IN_FLIGHT} can be left out while the others are held to the cent; the totals are reported
     * over everything.
     */
    private Result money() throws SQLException {
        String sql = """
                WITH per_payment AS (
                  SELECT p.currency, p.captured_minor AS captured, p.refunded_minor AS refunded,
                         p.captured_minor - p.refunded_minor AS net,
                         CASE WHEN o.payment_id IS DISTINCT FROM p.id THEN 0
                              WHEN o.status = 'CONFIRMED' THEN o.total_minor
                              WHEN o.status IN ('PARTIALLY_REFUNDED', 'REFUND_REQUESTED')
                              THEN o.total_minor - o.refunded_minor ELSE 0 END AS kept,
                         o.payment_id IS NOT DISTINCT FROM p.id AND o.status = 'REFUND_REQUESTED' AS refund_in_flight,
                         p.updated_at < now() - interval '%1$d seconds'
                           AND coalesce(o.updated_at < now() - interval '%1$d seconds', true) AS settled
                    FROM payment.payment p LEFT JOIN booking.purchase_order o ON o.id = p.order_id)
                SELECT currency, sum(captured), sum(refunded), sum(net), sum(kept),
                       count(*) FILTER (WHERE refund_in_flight),
                       count(*) FILTER (WHERE settled AND net <> kept),
                       coalesce(sum(net - kept) FILTER (WHERE settled), 0),
                       count(*) FILTER (WHERE NOT settled)
                  FROM per_payment GROUP BY currency ORDER BY 1""".formatted(IN_FLIGHT.toSeconds());
        List<String> parts = new ArrayList<>();
        boolean ok = true;
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                long differing = rs.getLong(7);
                ok &= differing == 0;
                parts.add("%s: captured %d − refunded %d = %d; confirmed + partially refunded remainder = %d%s%s%s"
                        .formatted(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6) > 0 ? " (" + rs.getLong(6) + " refunds in flight)" : "",
                                rs.getLong(9) > 0 ? " (" + rs.getLong(9) + " payments changed in the last "
                                        + IN_FLIGHT.toSeconds() + " s not compared yet)" : "",
                                differing == 0 ? "" : " **" + differing + " payments differ from their orders, by "
                                        + rs.getLong(8) + " in all**"));
            }
        }
        return new Result("money reconciles per currency (minor units), payment by payment", ok ? "PASS" : "FAIL",
                parts.isEmpty() ? "no money moved" : String.join("; ", parts));
    }

    /**
     * One ticket email per confirmed order: notification-service plans a delivery per (source event, channel, buyer),
     * so the OrderConfirmed event of each order must have exactly one EMAIL delivery of kind TICKETS — or RECEIPT, the
     * purchase receipt without the tickets that an address not verified yet gets (seeded buyers never verify theirs).
     * A delivery over the buyer's caps is recorded SUPPRESSED and still counts: the order was not forgotten. An order
     * was confirmed when booking announced it (an OrderConfirmed event) — a refunded order may never have been: paid
     * after it had failed or expired, with its seats gone, its money went back without a confirmation (docs/sale-saga.md)
     * — and an order CONFIRMED now must have been announced. Two emails are a violation at once; none only once the
     * order has been unchanged for {@link #IN_FLIGHT}.
     */
    private Result notifications() throws SQLException {
        String check = "every confirmed order produced exactly one ticket (or receipt) notification";
        if (!exists("notification", "delivery")) {
            return new Result(check, "NOT AVAILABLE", "notification.delivery does not exist in this database");
        }
        // One pass over the OrderConfirmed events (hash joins): a correlated subquery per order scanned the whole
        // outbox for each of them and took minutes once the database held a few benchmark runs.
        long confirmed;
        long wrong;
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery("""
                WITH emails AS (
                  SELECT e.payload ->> 'orderId' AS order_id, count(d.source_id) AS n
                    FROM booking.outbox_event e
                    LEFT JOIN notification.delivery d
                      ON d.source_id = e.id AND d.channel = 'EMAIL' AND d.kind IN ('TICKETS', 'RECEIPT')
                   WHERE e.type = 'OrderConfirmed'
                   GROUP BY 1)
                SELECT count(*),
                       count(*) FILTER (WHERE coalesce(m.n, 0) > 1
                                           OR coalesce(m.n, 0) = 0 AND o.updated_at < now() - interval '%d seconds')
                  FROM booking.purchase_order o LEFT JOIN emails m ON m.order_id = o.id::text
                 WHERE m.order_id IS NOT NULL OR o.status IN ('CONFIRMED', 'PARTIALLY_REFUNDED')"""
                .formatted(IN_FLIGHT.toSeconds()))) {
            rs.next();
            confirmed = rs.getLong(1);
            wrong = rs.getLong(2);
        }
        long sent = count("SELECT count(*) FROM notification.delivery WHERE kind IN ('TICKETS', 'RECEIPT')"
                + " AND channel = 'EMAIL' AND status = 'SENT'");
        return new Result(check, wrong == 0 ? "PASS" : "FAIL",
                "%d orders confirmed, %d without exactly one ticket email; %d ticket or receipt emails sent"
                        .formatted(confirmed, wrong, sent));
    }

    /**
     * The sold-out waiting list (docs/commerce.md): a seat held by nothing live is a leak; an open offer holds exactly
     * its seats and is swept once expired; and freed tickets reach the list — no buyer waits for a quantity that their
     * section has on sale (list on, sale open: the give-backs offer in their transaction, the offer sweeper's line
     * repair takes what went past the line).
     */
    private List<Result> waitingList() throws SQLException {
        if (!exists("booking", "waiting_list_offer")) {
            return List.of(new Result("waiting list", "NOT AVAILABLE", "booking.waiting_list_offer does not exist"));
        }
        List<Result> results = new ArrayList<>();
        results.add(none("every HELD seat belongs to an active hold, an unpaid order or an open waiting-list offer",
                """
                SELECT count(*) FROM booking.event_seat s
                 WHERE s.status = 'HELD'
                   AND NOT EXISTS (SELECT 1 FROM booking.hold h WHERE h.id = s.hold_id AND h.status = 'ACTIVE')
                   AND NOT EXISTS (SELECT 1 FROM booking.purchase_order o WHERE o.hold_id = s.hold_id
                                    AND o.status = 'PENDING_PAYMENT')
                   AND NOT EXISTS (SELECT 1 FROM booking.waiting_list_offer w WHERE w.id = s.hold_id
                                    AND w.status = 'OPEN')"""));
        results.add(none("every open waiting-list offer of seats holds exactly its seats",
                """
                SELECT count(*) FROM booking.waiting_list_offer o
                 WHERE o.status = 'OPEN' AND cardinality(o.seat_ids) > 0
                   AND cardinality(o.seat_ids) <> (SELECT count(*) FROM booking.event_seat s WHERE s.event_id = o.event_id
                                                     AND s.hold_id = o.id AND s.status = 'HELD'
                                                     AND s.seat_id = ANY(o.seat_ids))"""));
        results.add(none("no OPEN waiting-list offer past its expiry (+" + SWEEPER_GRACE.toSeconds() + " s)",
                "SELECT count(*) FROM booking.waiting_list_offer WHERE status = 'OPEN' AND expires_at < now() - interval '"
                        + SWEEPER_GRACE.toSeconds() + " seconds'"));
        String check = "freed tickets reach the waiting list: nobody waits for a quantity their section has on sale";
        long passedOver = count("""
                WITH lines AS (SELECT e.event_id, e.section_id, min(e.quantity) AS smallest
                                 FROM booking.waiting_list_entry e
                                 JOIN booking.waiting_list w ON w.event_id = e.event_id AND w.enabled
                                 JOIN booking.event ev ON ev.id = e.event_id AND ev.status = 'PUBLISHED'
                                  AND now() >= ev.on_sale_at AND now() < ev.off_sale_at
                                WHERE e.status = 'WAITING' GROUP BY 1, 2)
                SELECT count(*) FROM lines l
                 WHERE l.smallest <= (SELECT count(*) FROM booking.event_seat s WHERE s.event_id = l.event_id
                                        AND s.section_id = l.section_id AND s.status = 'AVAILABLE')
                                   + (SELECT coalesce(sum(capacity - held - sold), 0) FROM booking.event_area a
                                       WHERE a.event_id = l.event_id AND a.section_id = l.section_id)""");
        String figures;
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery("""
                SELECT (SELECT count(*) FROM booking.waiting_list_entry),
                       (SELECT count(*) FROM booking.waiting_list_entry WHERE status = 'WAITING'),
                       count(*), count(*) FILTER (WHERE status = 'OPEN'), count(*) FILTER (WHERE status = 'CLAIMED'),
                       count(*) FILTER (WHERE status = 'EXPIRED'), coalesce(sum(quantity), 0)
                  FROM booking.waiting_list_offer""")) {
            rs.next();
            figures = "%d places (%d still waiting); %d offers of %d tickets: %d open, %d claimed, %d expired"
                    .formatted(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(7), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6));
        }
        results.add(new Result(check, passedOver == 0 ? "PASS" : "FAIL",
                (passedOver == 0 ? "" : passedOver + " lines passed over; ") + figures));
        return results;
    }

    private Result none(String check, String countSql) throws SQLException {
        long found = count(countSql);
        return new Result(check, found == 0 ? "PASS" : "FAIL", found == 0 ? "0 found" : found + " found");
    }

    private long count(String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private boolean exists(String schema, String table) throws SQLException {
        return count("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema
                + "' AND table_name = '" + table + "'") > 0;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
