package org.boxoffice.booking.order;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.messaging.BookingEvents;
import org.boxoffice.booking.messaging.Published;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Unpaid orders past their payment deadline expire, and their seats go back on sale. */
@Service
public class OrderExpiry {

    private final Orders orders;
    private final OrderStatements statements;
    private final EventService events;
    private final OrderFulfilment fulfilment;
    private final BookingEvents announcements;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OrderExpiry(Orders orders, OrderStatements statements, EventService events, OrderFulfilment fulfilment,
            BookingEvents announcements, PlatformTransactionManager transactionManager, Clock clock) {
        this.orders = orders;
        this.statements = statements;
        this.events = events;
        this.fulfilment = fulfilment;
        this.announcements = announcements;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Expires up to {@code batch} unpaid orders past their payment deadline; several replicas may run it at once
     * (each claims its own batch). Returns how many it expired.
     */
    public int expireOverdue(int batch) {
        Instant now = clock.instant();
        Integer expired = transactions.execute(status -> {
            Map<UUID, Event> eventsById = new HashMap<>();
            List<UUID> claimed = statements.claimOverdue(now, batch);
            for (Order order : orders.findAllById(claimed)) {
                Event event = eventsById.computeIfAbsent(order.purchase().eventId(), events::byId);
                fulfilment.giveBack(order, order.expire(now));
                announcements.announce(new Published.OrderExpired(order.id(), event.id(), event.organizationId(),
                        order.purchase().buyerId(), order.purchase().buyerEmail(), event.title(),
                        order.bill().quantity(), order.bill().totalMinor(),
                        order.purchase().currency().getCurrencyCode(), now));
            }
            return claimed.size();
        });
        return expired == null ? 0 : expired;
    }
}
