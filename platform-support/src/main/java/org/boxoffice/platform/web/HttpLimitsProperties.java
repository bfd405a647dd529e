package org.boxoffice.platform.web;

import java.time.Duration;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Limits every service applies to incoming HTTP requests.
 *
 * @param maxRequestBody        largest request body accepted; larger ones get a 413 problem
 * @param maxConcurrentRequests API requests in progress at once per replica ({@link ConcurrencyLimitFilter}); 0 turns
 *                              the limit off
 * @param maxQueueWait          how long a request waits for a place before it is refused with 503 service-busy
 * @param busyRetryAfter        the {@code Retry-After} of that 503
 * @param priorityPaths         request paths (Ant patterns) that may also use the reserved places: the late steps of a
 *                              buyer's journey
 * @param priorityReserved      places of {@code maxConcurrentRequests} only requests on {@code priorityPaths} may take
 * @param uploadPaths           request paths (Ant patterns) of uploads (organizers' images), whose bodies may be up to
 *                              {@code maxUploadBody}
 * @param maxUploadBody         largest body accepted on {@code uploadPaths}
 */
@Validated
@ConfigurationProperties("boxoffice.http")
public record HttpLimitsProperties(@DefaultValue("256KB") @NotNull DataSize maxRequestBody,
        @DefaultValue("48") @PositiveOrZero int maxConcurrentRequests,
        @DurationMin(millis = 0) @DefaultValue("1s") Duration maxQueueWait,
        @DurationMin(seconds = 1) @DefaultValue("2s") Duration busyRetryAfter, @DefaultValue List<String> priorityPaths,
        @DefaultValue("0") @PositiveOrZero int priorityReserved, @DefaultValue List<String> uploadPaths,
        @DefaultValue("8MB") @NotNull DataSize maxUploadBody) {

    /** The largest body accepted on the request path. */
    public long maxBodyFor(String path) {
        for (String pattern : uploadPaths) {
            if (PATHS.match(pattern, path)) {
                return Math.max(maxUploadBody.toBytes(), maxRequestBody.toBytes());
            }
        }
        return maxRequestBody.toBytes();
    }

    private static final org.springframework.util.AntPathMatcher PATHS = new org.springframework.util.AntPathMatcher();
}
