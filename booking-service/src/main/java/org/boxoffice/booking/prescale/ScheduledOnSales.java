package org.boxoffice.booking.prescale;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.scaling.OnSale;
import org.boxoffice.platform.scaling.OnSales;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Published events opening for sale in a window, each with its expected buyers: the larger of the tickets on sale
 * times {@code buyers-per-ticket} and the buyers already queued in the event's waiting room (its early arrivals and
 * those waiting, read from the gateway's queue in Redis: docs/waiting-room.md). Without Redis the estimate from the
 * tickets stands.
 */
@SqlByDesign("Counts each coming event's tickets (seats and area capacities) in one aggregation")
@Component
@ConditionalOnProperty(prefix = "boxoffice.prescaling", name = "enabled", havingValue = "true")
class ScheduledOnSales implements OnSales {

    private static final Logger log = LoggerFactory.getLogger(ScheduledOnSales.class);

    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;
    private final OnSaleDemandProperties properties;

    ScheduledOnSales(JdbcClient jdbc, StringRedisTemplate redis, OnSaleDemandProperties properties) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.properties = properties;
    }

    @Override
    public List<OnSale> openingBetween(Instant from, Instant to) {
        record Coming(UUID id, Instant opensAt, long tickets, boolean queued) {
        }
        List<Coming> coming = jdbc.sql("""
                SELECT e.id, e.on_sale_at,
                       (SELECT count(*) FROM event_seat s WHERE s.event_id = e.id)
                     + (SELECT coalesce(sum(a.capacity), 0) FROM event_area a WHERE a.event_id = e.id) AS tickets,
                       coalesce(w.enabled, false) AS queued
                  FROM event e LEFT JOIN waiting_room w ON w.event_id = e.id
                 WHERE e.status = 'PUBLISHED' AND e.on_sale_at BETWEEN ? AND ?
                 ORDER BY e.on_sale_at, e.id""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((row, n) -> new Coming(row.getObject("id", UUID.class),
                        row.getTimestamp("on_sale_at").toInstant(), row.getLong("tickets"), row.getBoolean("queued")))
                .list();
        return coming.stream().map(event -> new OnSale(event.id().toString(), event.opensAt(),
                Math.max(event.tickets() * properties.buyersPerTicket(), event.queued() ? queued(event.id()) : 0)))
                .toList();
    }

    /** Buyers in the event's waiting room: early arrivals not yet drawn, and places not yet let in. */
    private long queued(UUID eventId) {
        String prefix = "boxoffice:waiting-room:{" + eventId + "}:";
        try {
            Long early = redis.opsForSet().size(prefix + "early");
            List<Object> state = redis.opsForHash().multiGet(prefix + "state", List.of("seq", "head"));
            long waiting = number(state.get(0)) - number(state.get(1));
            return (early == null ? 0 : early) + Math.max(waiting, 0);
        } catch (RuntimeException e) {
            log.debug("Waiting room of {} not read ({}): estimating from its tickets", eventId, e.toString());
            return 0;
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : Long.parseLong(value.toString());
    }
}
