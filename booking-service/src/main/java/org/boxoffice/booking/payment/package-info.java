/**
 * The booking side of the sale saga: payment-service's events, read through the event bus's inbox (each takes
 * effect once), turned into order transitions. booking keeps its own copy of the payment events it reads.
 */
@NullMarked
package org.boxoffice.booking.payment;

import org.jspecify.annotations.NullMarked;
