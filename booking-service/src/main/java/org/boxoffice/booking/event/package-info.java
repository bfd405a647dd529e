/** Events on a venue: lifecycle, sale window, price tiers, limits, and the per-event inventory. */
@NullMarked
package org.boxoffice.booking.event;

import org.jspecify.annotations.NullMarked;
