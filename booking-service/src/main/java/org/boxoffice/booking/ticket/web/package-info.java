/** HTTP API of tickets: a buyer's tickets and organizers' check-in. */
@NullMarked
package org.boxoffice.booking.ticket.web;

import org.jspecify.annotations.NullMarked;
