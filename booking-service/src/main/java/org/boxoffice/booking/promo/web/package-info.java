/** The organizer's endpoints for an event's promo and access codes. */
@NullMarked
package org.boxoffice.booking.promo.web;

import org.jspecify.annotations.NullMarked;
