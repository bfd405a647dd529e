/** HTTP API of the order feature: request and response records, controllers. */
@NullMarked
package org.boxoffice.booking.order.web;

import org.jspecify.annotations.NullMarked;
