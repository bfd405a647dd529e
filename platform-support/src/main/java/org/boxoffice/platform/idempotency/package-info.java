/**
 * Idempotency-Key handling with Stripe semantics for every servlet service with PostgreSQL: the first response to a
 * POST carrying the header is stored and replayed for retries with the same key.
 */
@NullMarked
package org.boxoffice.platform.idempotency;

import org.jspecify.annotations.NullMarked;
