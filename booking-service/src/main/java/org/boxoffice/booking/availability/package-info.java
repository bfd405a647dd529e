/** Availability of an event's seats and areas, served from a Redis cache kept in step with holds. */
@NullMarked
package org.boxoffice.booking.availability;

import org.jspecify.annotations.NullMarked;
