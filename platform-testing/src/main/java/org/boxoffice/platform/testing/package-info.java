/**
 * Integration-test support: {@link org.boxoffice.platform.testing.IntegrationTest} boots the service against a real
 * PostgreSQL and Redis found by {@link org.boxoffice.platform.infra.Infrastructure}, in a database of its own, and
 * wipes the service's tables and its Redis database before every test class.
 */
@NullMarked
package org.boxoffice.platform.testing;

import org.jspecify.annotations.NullMarked;
