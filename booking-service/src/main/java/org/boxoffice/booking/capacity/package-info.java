/**
 * An organizer adding capacity to a published event's general-admission area (docs/commerce.md, "Adding capacity"):
 * the event's figure raised on its locked row, the area's inventory raised with tickets held at once, and those
 * tickets given to the sold-out waiting list first, in line order, through the same path as tickets given back.
 */
@NullMarked
package org.boxoffice.booking.capacity;

import org.jspecify.annotations.NullMarked;
