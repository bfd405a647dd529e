/**
 * The on-sales booking-service knows of, for the platform's predictive pre-scaler ({@code org.boxoffice.platform.scaling},
 * docs/operations.md "Pre-scaling for scheduled on-sales"): published events by {@code onSaleAt}, with the demand
 * expected for each.
 */
@NullMarked
package org.boxoffice.booking.prescale;

import org.jspecify.annotations.NullMarked;
