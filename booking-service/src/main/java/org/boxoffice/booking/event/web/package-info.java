/** HTTP API of the event feature: request and response records, controllers. */
@NullMarked
package org.boxoffice.booking.event.web;

import org.jspecify.annotations.NullMarked;
