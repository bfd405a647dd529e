/** The organizer's endpoint for adding capacity. */
@NullMarked
package org.boxoffice.booking.capacity.web;

import org.jspecify.annotations.NullMarked;
