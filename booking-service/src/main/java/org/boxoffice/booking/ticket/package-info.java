/** Tickets: issued per seat or place of a confirmed order, signed QR payloads, voiding and check-in. */
@NullMarked
package org.boxoffice.booking.ticket;

import org.jspecify.annotations.NullMarked;
