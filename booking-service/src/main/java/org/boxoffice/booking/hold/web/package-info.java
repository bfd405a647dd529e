/** HTTP API of the hold feature: request and response records, controllers. */
@NullMarked
package org.boxoffice.booking.hold.web;

import org.jspecify.annotations.NullMarked;
