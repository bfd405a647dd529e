package org.boxoffice.analytics.report;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An event's sales per promo code (docs/analytics.md, "Sales per promo code"), aggregated from the order facts that
 * name a code, in one repeatable-read transaction like every report.
 */
@SqlByDesign("Analytics: reports aggregate the fact rows in one repeatable-read transaction")
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class CodeSalesReports {

    private final JdbcClient jdbc;

    CodeSalesReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The event's sales per promo code, if it has any sale activity and {@code mayManage} accepts its organization. */
    public CodeSales codeSales(UUID eventId, Predicate<UUID> mayManage) {
        jdbc.sql("SELECT organization_id FROM sale_event WHERE event_id = ?").params(eventId).query(UUID.class)
                .optional().filter(mayManage).orElseThrow(() -> new EventNotFound(eventId));
        List<CodeSales.Code> codes = jdbc.sql("""
                SELECT o.promo_code, (array_agg(o.promo_code_id) FILTER (WHERE o.promo_code_id IS NOT NULL))[1] AS code_id,
                       o.currency,
                       count(*) FILTER (WHERE o.placed_at IS NOT NULL) AS checkouts,
                       count(*) FILTER (WHERE o.confirmed_at IS NOT NULL AND o.cancelled_at IS NULL) AS orders,
                       coalesce(sum(t.tickets) FILTER (WHERE o.confirmed_at IS NOT NULL AND o.cancelled_at IS NULL), 0)
                           AS tickets,
                       coalesce(sum(o.discount_minor) FILTER (WHERE o.confirmed_at IS NOT NULL AND o.cancelled_at IS NULL),
                           0) AS discount,
                       coalesce(sum(p.gross), 0) AS gross, coalesce(sum(r.refunded), 0) AS refunded,
                       count(*) FILTER (WHERE o.cancelled_at IS NOT NULL) AS cancelled
                  FROM order_fact o
                  LEFT JOIN LATERAL (SELECT count(*) AS tickets FROM ticket_fact t WHERE t.order_id = o.order_id) t ON TRUE
                  LEFT JOIN LATERAL (SELECT sum(amount_minor) AS gross FROM payment_fact p
                                      WHERE p.order_id = o.order_id AND p.outcome = 'SUCCEEDED') p ON TRUE
                  LEFT JOIN LATERAL (SELECT sum(amount_minor) AS refunded FROM refund_fact r
                                      WHERE r.order_id = o.order_id) r ON TRUE
                 WHERE o.event_id = ? AND o.promo_code IS NOT NULL
                 GROUP BY o.promo_code, o.currency ORDER BY o.promo_code, o.currency
                """).params(eventId).query((rs, n) -> {
            long gross = rs.getLong("gross");
            long refunded = rs.getLong("refunded");
            return new CodeSales.Code(rs.getString("promo_code"), rs.getObject("code_id", UUID.class),
                    rs.getString("currency"), rs.getLong("checkouts"), rs.getLong("orders"), rs.getLong("tickets"),
                    rs.getLong("discount"), gross, refunded, gross - refunded, rs.getLong("cancelled"));
        }).list();
        return new CodeSales(eventId, codes);
    }
}
