/**
 * Finds a real PostgreSQL and Redis for the tests and the local run, in a fixed order: Testcontainers when a Docker
 * engine answers (tests only), the servers named by {@code BOXOFFICE_DB_URL} / {@code BOXOFFICE_REDIS_HOST}, the
 * machine's own servers on 127.0.0.1:5432 and :6379, and last embedded ones started in-process.
 */
@NullMarked
package org.boxoffice.platform.infra;

import org.jspecify.annotations.NullMarked;
