/** Configuration of booking-service: typed settings, the clock, Redis resilience. */
@NullMarked
package org.boxoffice.booking.system;

import org.jspecify.annotations.NullMarked;
