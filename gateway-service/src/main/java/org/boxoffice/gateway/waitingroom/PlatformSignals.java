package org.boxoffice.gateway.waitingroom;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * What the AUTO waiting rooms steer by: of the requests this gateway routes to the services a sale runs on
 * ({@code auto.signal-services}: booking and payment), per second for the last minute, how many there were, how many
 * failed (5xx, or no answer), how many were slower than the request target, how many were holds and how many holds
 * were slower than the hold target, and the most requests in progress at once. A few counter updates per request; no Redis on this path. Requests to the other
 * services do not count: letting more buyers out of the queue does not add logins (buyers sign in before they queue),
 * so user-service refusing a login storm must not hold the sale back.
 */
@Component
class PlatformSignals implements GlobalFilter, Ordered {

    private static final int SECONDS = 60;

    private static final class Second {
        long epochSecond = -1;
        long requests;
        long failures;
        long slowRequests;
        long holds;
        long slowHolds;
        int maxInFlight;
    }

    private final Second[] seconds = new Second[SECONDS];
    private final AtomicInteger inFlight = new AtomicInteger();
    private final long slowHoldNanos;
    private final long slowRequestNanos;
    private final Set<String> services;
    private final Clock clock;

    PlatformSignals(WaitingRoomProperties properties, Clock clock) {
        this.clock = clock;
        for (int i = 0; i < SECONDS; i++) {
            seconds[i] = new Second();
        }
        this.slowHoldNanos = properties.auto().holdLatencyTarget().toNanos();
        this.slowRequestNanos = properties.auto().requestLatencyTarget().toNanos();
        this.services = Set.copyOf(properties.auto().signalServices());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !services.contains(route.getId())) {
            return chain.filter(exchange);
        }
        boolean hold = exchange.getRequest().getMethod() == HttpMethod.POST
                && "/api/v1/holds".equals(exchange.getRequest().getPath().value());
        long started = System.nanoTime();
        int now = inFlight.incrementAndGet();
        update(second -> second.maxInFlight = Math.max(second.maxInFlight, now));
        return chain.filter(exchange).doFinally(signal -> {
            inFlight.decrementAndGet();
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            boolean failed = signal == SignalType.ON_ERROR || (status != null && status.is5xxServerError());
            long took = System.nanoTime() - started;
            update(second -> {
                second.requests++;
                second.failures += failed ? 1 : 0;
                second.slowRequests += took > slowRequestNanos ? 1 : 0;
                second.holds += hold ? 1 : 0;
                second.slowHolds += hold && took > slowHoldNanos ? 1 : 0;
            });
        });
    }

    /** The last {@code window} (whole seconds, the current one included). */
    AdmissionRate.Health window(Duration window) {
        long current = clock.millis() / 1000;
        long from = current - Math.max(1, Math.min(SECONDS, window.toSeconds())) + 1;
        long requests = 0;
        long failures = 0;
        long slowRequests = 0;
        long holds = 0;
        long slowHolds = 0;
        int maxInFlight = inFlight.get();
        for (Second second : seconds) {
            synchronized (second) {
                if (second.epochSecond >= from && second.epochSecond <= current) {
                    requests += second.requests;
                    failures += second.failures;
                    slowRequests += second.slowRequests;
                    holds += second.holds;
                    slowHolds += second.slowHolds;
                    maxInFlight = Math.max(maxInFlight, second.maxInFlight);
                }
            }
        }
        return new AdmissionRate.Health(requests, failures, slowRequests, holds, slowHolds, maxInFlight);
    }

    private void update(java.util.function.Consumer<Second> change) {
        long epochSecond = clock.millis() / 1000;
        Second second = seconds[(int) (epochSecond % SECONDS)];
        synchronized (second) {
            if (second.epochSecond != epochSecond) {
                second.epochSecond = epochSecond;
                second.requests = 0;
                second.failures = 0;
                second.slowRequests = 0;
                second.holds = 0;
                second.slowHolds = 0;
                second.maxInFlight = 0;
            }
            change.accept(second);
        }
    }

    @Override
    public int getOrder() {
        // After the rate limiter and the pass check: what they refuse never reaches a service.
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }
}
