/** booking-service's orders as payment-service sees them: fetched over HTTP with the buyer's token, behind a circuit breaker. */
@NullMarked
package org.boxoffice.payment.order;

import org.jspecify.annotations.NullMarked;
