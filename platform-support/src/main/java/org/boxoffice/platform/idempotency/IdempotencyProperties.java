package org.boxoffice.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Idempotency-Key settings.
 *
 * @param enabled        whether the filter is registered at all
 * @param abandonedAfter after how long an unfinished request's claim may be taken over by a retry (its replica died)
 * @param retention      how long a stored response is replayed; older records are pruned hourly
 * @param pruneInterval  how often old records are deleted
 */
@ConfigurationProperties("boxoffice.idempotency")
public record IdempotencyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("60s") Duration abandonedAfter,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1h") Duration pruneInterval) {
}
