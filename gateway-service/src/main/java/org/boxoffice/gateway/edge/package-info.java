/**
 * The edge: what the gateway does to every request before routing it — JWT validation, rate limits, request size,
 * CORS and security headers, correlation ids.
 */
@NullMarked
package org.boxoffice.gateway.edge;

import org.jspecify.annotations.NullMarked;
