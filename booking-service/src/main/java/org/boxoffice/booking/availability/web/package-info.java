/** HTTP API of the availability feature: request and response records, controllers. */
@NullMarked
package org.boxoffice.booking.availability.web;

import org.jspecify.annotations.NullMarked;
