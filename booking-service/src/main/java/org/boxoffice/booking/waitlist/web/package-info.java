/** The waiting list's web edge: buyers' places and offers, the organizer's settings and figures. */
@NullMarked
package org.boxoffice.booking.waitlist.web;

import org.jspecify.annotations.NullMarked;
