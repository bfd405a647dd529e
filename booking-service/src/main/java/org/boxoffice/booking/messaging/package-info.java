/**
 * The events booking-service announces on {@code boxoffice.events.booking-service} (docs/sale-saga.md), as records,
 * and {@link org.boxoffice.booking.messaging.BookingEvents}, which writes them to the outbox in the transaction of the
 * change they announce.
 */
@NullMarked
package org.boxoffice.booking.messaging;

import org.jspecify.annotations.NullMarked;
