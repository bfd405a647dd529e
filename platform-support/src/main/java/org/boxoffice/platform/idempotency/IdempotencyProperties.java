package org.boxoffice.platform.idempotency;

import java.time.Duration;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Idempotency-Key settings.
 *
 * @param enabled        whether the filter is registered at all
 * @param abandonedAfter after how long an unfinished request's claim may be taken over by a retry (its replica died)
 * @param retention      how long a stored response is replayed; older records are pruned hourly
 * @param pruneInterval  how often old records are deleted
 * @param excludedPaths  request paths (Ant patterns, e.g. {@code /api/v1/auth/**}) whose POSTs never get a record:
 *                       the header is ignored there
 * @param unfingerprintedFields JSON member names (at any depth) left out of the request fingerprint, so that no
 *                       secret — a password, a refresh token, card data — is hashed into the table; a member whose
 *                       value is an object ({@code card}) is left out whole. A request differing only in these is the
 *                       same request.
 */
@Validated
@ConfigurationProperties("boxoffice.idempotency")
public record IdempotencyProperties(
        @DefaultValue("true") boolean enabled,
        @DurationMin(millis = 1) @DefaultValue("60s") Duration abandonedAfter,
        @DurationMin(millis = 1) @DefaultValue("24h") Duration retention,
        @DurationMin(millis = 1) @DefaultValue("1h") Duration pruneInterval,
        @DefaultValue List<String> excludedPaths,
        @DefaultValue({ "password", "currentPassword", "newPassword", "refreshToken", "card", "cardNumber", "cvc",
                "cvv" }) List<String> unfingerprintedFields) {
}
