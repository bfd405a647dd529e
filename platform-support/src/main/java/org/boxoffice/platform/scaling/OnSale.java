package org.boxoffice.platform.scaling;

import java.time.Instant;

/**
 * A scheduled on-sale as the pre-scaler sees it.
 *
 * @param id             what it is (an event id), for the plan's log
 * @param opensAt        when buyers may start buying
 * @param expectedBuyers how many buyers are expected in the first minutes of the sale
 */
public record OnSale(String id, Instant opensAt, long expectedBuyers) {

    public OnSale {
        if (expectedBuyers < 0) {
            throw new IllegalArgumentException("expectedBuyers must not be negative: " + expectedBuyers);
        }
    }
}
