/** Orders: a checked-out hold awaiting payment, with server-computed line items and total. */
@NullMarked
package org.boxoffice.booking.order;

import org.jspecify.annotations.NullMarked;
