/**
 * Infrastructure every Boxoffice service shares, and nothing domain-specific: error responses,
 * platform defaults, the request size limit, and discovery of Postgres and Redis for tests and the local run.
 */
@NullMarked
package org.boxoffice.platform;

import org.jspecify.annotations.NullMarked;
