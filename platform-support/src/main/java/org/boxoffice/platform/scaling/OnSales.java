package org.boxoffice.platform.scaling;

import java.time.Instant;
import java.util.List;

/** Where the pre-scaler learns of scheduled on-sales: a bean of the service that owns them (booking-service). */
@FunctionalInterface
public interface OnSales {

    /** The on-sales opening in {@code [from, to]}, with the demand expected for each. */
    List<OnSale> openingBetween(Instant from, Instant to);
}
