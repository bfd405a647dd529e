/**
 * Health as Kubernetes should read it: PostgreSQL is a hard dependency (a replica without it leaves the load
 * balancer), Redis is not — every service keeps serving without it, slower — so its outage shows as
 * {@code DEGRADED} instead of taking every replica out of service at once.
 */
@NullMarked
package org.boxoffice.platform.health;

import org.jspecify.annotations.NullMarked;
