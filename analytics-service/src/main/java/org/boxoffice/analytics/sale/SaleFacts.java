package org.boxoffice.analytics.sale;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes the read model's fact rows. Every write is keyed by the producer's id and idempotent on its own
 * ({@code ON CONFLICT}), a second line of defence behind the inbox; and every write tolerates facts arriving in any
 * order across the booking and payment streams.
 */
@SqlByDesign("A stream consumer's read model: idempotent upserts keyed by the producer's id, in any order")
@Repository
class SaleFacts {

    private final JdbcClient jdbc;

    SaleFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void event(UUID eventId, UUID organizationId, @Nullable String title, @Nullable Integer capacity) {
        jdbc.sql("""
                INSERT INTO sale_event (event_id, organization_id, title, capacity) VALUES (?, ?, ?, ?)
                ON CONFLICT (event_id) DO UPDATE
                   SET title = coalesce(excluded.title, sale_event.title),
                       capacity = coalesce(excluded.capacity, sale_event.capacity)
                """).params(eventId, organizationId, title, capacity).update();
    }

    void eventCancelled(UUID eventId, Instant cancelledAt) {
        jdbc.sql("UPDATE sale_event SET cancelled_at = coalesce(cancelled_at, ?) WHERE event_id = ?")
                .params(ts(cancelledAt), eventId).update();
    }

    void holdPlaced(UUID holdId, UUID eventId, int quantity, Instant placedAt) {
        jdbc.sql("""
                INSERT INTO hold_fact (hold_id, event_id, quantity, placed_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (hold_id) DO NOTHING
                """).params(holdId, eventId, quantity, ts(placedAt)).update();
    }

    void holdReleased(UUID holdId, UUID eventId, int quantity, String reason, Instant releasedAt) {
        // A release whose placement was trimmed from the stream still counts as a release; its placement time is
        // unknown, so the release time stands in for it.
        jdbc.sql("""
                INSERT INTO hold_fact (hold_id, event_id, quantity, placed_at, released_at, release_reason)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (hold_id) DO UPDATE
                   SET released_at = excluded.released_at, release_reason = excluded.release_reason
                 WHERE hold_fact.released_at IS NULL
                """).params(holdId, eventId, quantity, ts(releasedAt), ts(releasedAt), reason).update();
    }

    void orderPlaced(UUID orderId, @Nullable UUID holdId, UUID eventId, int quantity, long totalMinor,
            String currency, Instant placedAt) {
        jdbc.sql("""
                INSERT INTO order_fact (order_id, event_id, hold_id, quantity, total_minor, currency, placed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE
                   SET hold_id = coalesce(order_fact.hold_id, excluded.hold_id),
                       placed_at = coalesce(order_fact.placed_at, excluded.placed_at)
                """).params(orderId, eventId, holdId, quantity, totalMinor, currency, ts(placedAt)).update();
    }

    void orderConfirmed(UUID orderId, UUID eventId, int quantity, long totalMinor, String currency,
            Instant confirmedAt) {
        jdbc.sql("""
                INSERT INTO order_fact (order_id, event_id, quantity, total_minor, currency, confirmed_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE SET confirmed_at = coalesce(order_fact.confirmed_at, excluded.confirmed_at)
                """).params(orderId, eventId, quantity, totalMinor, currency, ts(confirmedAt)).update();
    }

    /**
     * The discount code an order was checked out with and the discount it granted, as far as the event knew them
     * (nulls leave what another event recorded). Runs after the order's row was written by the same event.
     */
    void orderCode(UUID orderId, @Nullable UUID codeId, @Nullable String code, @Nullable Long discountMinor) {
        if (codeId == null && code == null && discountMinor == null) {
            return;
        }
        jdbc.sql("""
                UPDATE order_fact SET promo_code_id = coalesce(promo_code_id, ?), promo_code = coalesce(promo_code, ?),
                       discount_minor = coalesce(discount_minor, ?)
                 WHERE order_id = ?
                """).params(codeId, code, discountMinor, orderId).update();
    }

    /** A sold ticket with its share of its order line's discount, fee and tax (null when the event had none). */
    void ticket(BookingEvents.Ticket ticket, UUID orderId, UUID eventId, String currency, Instant soldAt) {
        jdbc.sql("""
                INSERT INTO ticket_fact (ticket_id, order_id, event_id, section_id, section_name, tier_name,
                                         price_minor, currency, sold_at, discount_minor, fee_minor, tax_minor,
                                         paid_minor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (ticket_id) DO NOTHING
                """)
                .params(ticket.ticketId(), orderId, eventId, ticket.sectionId(), ticket.sectionName(),
                        ticket.tierName(), ticket.priceMinor(), currency, ts(soldAt), ticket.discountMinor(),
                        ticket.feeMinor(), ticket.taxMinor(), ticket.paidMinor())
                .update();
    }

    void orderExpired(UUID orderId, UUID eventId, int quantity, long totalMinor, String currency, Instant expiredAt) {
        jdbc.sql("""
                INSERT INTO order_fact (order_id, event_id, quantity, total_minor, currency, expired_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE SET expired_at = coalesce(order_fact.expired_at, excluded.expired_at)
                """).params(orderId, eventId, quantity, totalMinor, currency, ts(expiredAt)).update();
    }

    void orderCancelled(UUID orderId, UUID eventId, String reason, String currency, Instant cancelledAt) {
        // The quantity and total of an order known only from its cancellation are unknown: 0, not a guess.
        jdbc.sql("""
                INSERT INTO order_fact (order_id, event_id, quantity, total_minor, currency, cancelled_at, cancel_reason)
                VALUES (?, ?, 0, 0, ?, ?, ?)
                ON CONFLICT (order_id) DO UPDATE
                   SET cancelled_at = coalesce(order_fact.cancelled_at, excluded.cancelled_at),
                       cancel_reason = coalesce(order_fact.cancel_reason, excluded.cancel_reason)
                """).params(orderId, eventId, currency, ts(cancelledAt), reason).update();
    }

    void paymentSucceeded(UUID paymentId, UUID orderId, long amountMinor, String currency, Instant succeededAt) {
        jdbc.sql("""
                INSERT INTO payment_fact (payment_id, order_id, outcome, amount_minor, currency, occurred_at)
                VALUES (?, ?, 'SUCCEEDED', ?, ?, ?)
                ON CONFLICT (payment_id) DO UPDATE
                   SET outcome = 'SUCCEEDED', amount_minor = excluded.amount_minor, currency = excluded.currency,
                       occurred_at = excluded.occurred_at, failure_reason = NULL
                """).params(paymentId, orderId, amountMinor, currency, ts(succeededAt)).update();
    }

    void paymentFailed(UUID paymentId, UUID orderId, @Nullable String reason, Instant failedAt) {
        // A success for the same payment wins over a failure, whichever is read first.
        jdbc.sql("""
                INSERT INTO payment_fact (payment_id, order_id, outcome, occurred_at, failure_reason)
                VALUES (?, ?, 'FAILED', ?, ?)
                ON CONFLICT (payment_id) DO NOTHING
                """).params(paymentId, orderId, ts(failedAt), reason).update();
    }

    void refundSucceeded(UUID refundId, UUID paymentId, UUID orderId, long amountMinor, String currency,
            Instant refundedAt, @Nullable String reason) {
        jdbc.sql("""
                INSERT INTO refund_fact (refund_id, payment_id, order_id, amount_minor, currency, refunded_at, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (refund_id) DO NOTHING
                """).params(refundId, paymentId, orderId, amountMinor, currency, ts(refundedAt), reason).update();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
