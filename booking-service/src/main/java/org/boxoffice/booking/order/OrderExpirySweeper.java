package org.boxoffice.booking.order;

import org.boxoffice.booking.system.BookingProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires orders whose payment did not arrive in time, giving their seats back. */
@Component
class OrderExpirySweeper {

    private final OrderExpiry orders;
    private final int batch;

    OrderExpirySweeper(OrderExpiry orders, BookingProperties properties) {
        this.orders = orders;
        this.batch = properties.sweepBatch();
    }

    @Scheduled(fixedDelayString = "${boxoffice.booking.sweep-interval:1s}",
            initialDelayString = "${boxoffice.booking.sweep-interval:1s}")
    void sweep() {
        int expired;
        do {
            expired = orders.expireOverdue(batch);
        } while (expired == batch);
    }
}
