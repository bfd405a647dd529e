/** HTTP API of the venue feature: request and response records, controllers. */
@NullMarked
package org.boxoffice.booking.venue.web;

import org.jspecify.annotations.NullMarked;
