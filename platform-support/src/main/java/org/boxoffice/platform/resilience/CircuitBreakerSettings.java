package org.boxoffice.platform.resilience;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * A count-based circuit breaker that a service builds itself (the gateway's one per route, notification-service's one
 * per channel), set with the names and meanings of {@code resilience4j.circuitbreaker.instances.*}: it opens when
 * {@code failureRateThreshold} percent of the last {@code slidingWindowSize} calls failed (once
 * {@code minimumNumberOfCalls} were made), or {@code slowCallRateThreshold} percent took
 * {@code slowCallDurationThreshold} or longer, refuses calls for {@code waitDurationInOpenState}, then lets
 * {@code permittedNumberOfCallsInHalfOpenState} trial calls through. The service's {@code application.yml} holds its
 * defaults; one left unset stops the service at start.
 *
 * @param failureRateThreshold                  percentage of failed calls that opens the breaker
 * @param slidingWindowSize                     calls the rates are measured over
 * @param minimumNumberOfCalls                  calls before the rates count
 * @param waitDurationInOpenState               how long an open breaker refuses calls
 * @param permittedNumberOfCallsInHalfOpenState trial calls let through after that
 * @param slowCallRateThreshold                 percentage of slow calls that opens the breaker (100: only when every
 *                                              call is slow)
 * @param slowCallDurationThreshold             a call this slow counts as slow; empty: as the service decides
 */
public record CircuitBreakerSettings(
        @NotNull @DecimalMin("1") @DecimalMax("100") Float failureRateThreshold,
        @NotNull @Positive Integer slidingWindowSize,
        @NotNull @Positive Integer minimumNumberOfCalls,
        @NotNull @DurationMin(millis = 1) Duration waitDurationInOpenState,
        @NotNull @Positive Integer permittedNumberOfCallsInHalfOpenState,
        @NotNull @DecimalMin("1") @DecimalMax("100") Float slowCallRateThreshold,
        @DurationMin(millis = 1) @Nullable Duration slowCallDurationThreshold) {

    /**
     * The breaker's configuration.
     *
     * @param slowCallDuration what counts as slow when {@code slowCallDurationThreshold} is not set
     */
    public CircuitBreakerConfig.Builder config(Duration slowCallDuration) {
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(failureRateThreshold)
                .slidingWindowSize(slidingWindowSize)
                .minimumNumberOfCalls(minimumNumberOfCalls)
                .waitDurationInOpenState(waitDurationInOpenState)
                .permittedNumberOfCallsInHalfOpenState(permittedNumberOfCallsInHalfOpenState)
                .slowCallRateThreshold(slowCallRateThreshold)
                .slowCallDurationThreshold(slowCallDurationThreshold != null ? slowCallDurationThreshold : slowCallDuration);
    }
}
