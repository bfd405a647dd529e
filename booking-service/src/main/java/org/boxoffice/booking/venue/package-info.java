/** Venues and their seat maps: sections, rows, numbered seats and general-admission areas. */
@NullMarked
package org.boxoffice.booking.venue;

import org.jspecify.annotations.NullMarked;
