/**
 * Attendee questions (docs/commerce.md): the questions an organizer asks buyers at checkout, once per order or once
 * per ticket, the answers given (kept with the order, shown at check-in) and their export.
 */
@NullMarked
package org.boxoffice.booking.question;

import org.jspecify.annotations.NullMarked;
