/** Idempotency-Key handling for creating POSTs: the first response is stored and replayed for retries. */
@NullMarked
package org.boxoffice.booking.idempotency;

import org.jspecify.annotations.NullMarked;
