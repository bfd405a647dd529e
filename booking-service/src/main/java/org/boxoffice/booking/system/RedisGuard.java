package org.boxoffice.booking.system;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The one circuit breaker in front of Redis. Everything booking does with Redis (seat locks, the availability
 * cache) is an optimisation: when Redis fails, calls fail fast through the open breaker and the caller takes its
 * database-only path, which is slower but just as correct.
 */
@Component
public class RedisGuard {

    private static final Logger log = LoggerFactory.getLogger(RedisGuard.class);
    static final String NAME = "redis";

    private final CircuitBreaker breaker;

    /** The breaker named {@code redis} of the service's registry: {@code resilience4j.circuitbreaker.instances.redis}. */
    RedisGuard(CircuitBreakerRegistry breakers) {
        this.breaker = breakers.circuitBreaker(NAME);
        breaker.getEventPublisher().onStateTransition(event -> log.warn("Redis circuit breaker: {}",
                event.getStateTransition()));
    }

    /** Runs a Redis call through the breaker; empty when Redis failed or the breaker is open. */
    public <T> Optional<T> call(Supplier<T> redisCall) {
        try {
            return Optional.ofNullable(breaker.executeSupplier(redisCall));
        } catch (CallNotPermittedException open) {
            return Optional.empty();
        } catch (RuntimeException failure) {
            log.debug("Redis call failed: {}", failure.toString());
            return Optional.empty();
        }
    }

    /** Runs a Redis call through the breaker; false when it failed or the breaker is open. */
    public boolean run(Runnable redisCall) {
        return call(() -> {
            redisCall.run();
            return Boolean.TRUE;
        }).isPresent();
    }

    /** Whether calls currently go to Redis (closed or probing); false while the breaker is open. */
    public boolean available() {
        return breaker.getState() != CircuitBreaker.State.OPEN && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }
}
