package org.boxoffice.booking.order;

import org.boxoffice.booking.system.BookingProperties;
import org.boxoffice.platform.background.BackgroundTask;
import org.springframework.stereotype.Component;

/**
 * Expires orders whose payment did not arrive in time, giving their seats back: every {@code sweep-interval}, the
 * first time one interval after start.
 */
@Component
class OrderExpirySweeper extends BackgroundTask {

    private final OrderExpiry orders;
    private final int batch;

    OrderExpirySweeper(OrderExpiry orders, BookingProperties properties) {
        super("order-expiry-sweeper", properties.sweepInterval(), properties.sweepInterval(), true);
        this.orders = orders;
        this.batch = properties.sweepBatch();
    }

    /** Expires overdue orders a batch at a time until a batch comes back short, then pauses. */
    @Override
    protected boolean runOnce() {
        int expired;
        do {
            expired = orders.expireOverdue(batch);
        } while (expired == batch);
        return false;
    }
}
