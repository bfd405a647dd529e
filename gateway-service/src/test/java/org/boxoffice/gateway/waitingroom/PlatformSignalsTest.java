package org.boxoffice.gateway.waitingroom;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** AUTO steers by the sale's services only: a login storm refused by user-service does not shut the queue. */
class PlatformSignalsTest {

    private final PlatformSignals signals = new PlatformSignals(new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("boxoffice.gateway.waiting-room", Bindable.of(WaitingRoomProperties.class)),
            java.time.Clock.systemUTC());

    @Test
    void countsTheRequestsAndFailuresOfTheSalesServices() {
        route("booking-service", "POST", "/api/v1/holds", HttpStatus.SERVICE_UNAVAILABLE);
        route("booking-service", "GET", "/api/v1/events/1", HttpStatus.OK);
        route("payment-service", "POST", "/api/v1/payments", HttpStatus.CREATED);

        AdmissionRate.Health health = signals.window(Duration.ofSeconds(5));

        assertThat(health.requests()).isEqualTo(3);
        assertThat(health.failures()).isEqualTo(1);
        assertThat(health.holds()).isEqualTo(1);
        assertThat(health.slowRequests()).isZero();
    }

    @Test
    void countsTheRequestsSlowerThanTheTargetWhateverTheirKind() {
        route("booking-service", "GET", "/api/v1/events/1", HttpStatus.OK, Duration.ofMillis(300));
        route("payment-service", "POST", "/api/v1/payments", HttpStatus.CREATED, Duration.ofMillis(300));
        route("booking-service", "POST", "/api/v1/holds", HttpStatus.CREATED, Duration.ZERO);

        AdmissionRate.Health health = signals.window(Duration.ofSeconds(5));

        assertThat(health.requests()).isEqualTo(3);
        assertThat(health.slowRequests()).as("slower than the 250 ms request target").isEqualTo(2);
        assertThat(health.slowHolds()).isZero();
    }

    @Test
    void leavesOutTheServicesAnAdmissionDoesNotLoad() {
        for (int i = 0; i < 50; i++) {
            route("user-service", "POST", "/api/v1/auth/login", HttpStatus.SERVICE_UNAVAILABLE);
        }
        route("analytics-service", "GET", "/api/v1/admin/analytics/events/1", HttpStatus.BAD_GATEWAY);

        assertThat(signals.window(Duration.ofSeconds(5)).requests()).isZero();
        assertThat(signals.window(Duration.ofSeconds(5)).failures()).isZero();
    }

    private void route(String service, String method, String path, HttpStatus answer) {
        route(service, method, path, answer, Duration.ZERO);
    }

    private void route(String service, String method, String path, HttpStatus answer, Duration serviceTime) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.method(org.springframework.http.HttpMethod.valueOf(method), URI.create(path)));
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR,
                Route.async().id(service).uri(URI.create("http://127.0.0.1:1")).predicate(any -> true).build());
        // The service answers on the calling thread, so the filter's doFinally has run when block() returns (with
        // Mono.delay it ran on a timer thread after block() had returned, and a read could miss the request).
        signals.filter(exchange, routed -> Mono.fromRunnable(() -> {
            serve(serviceTime);
            routed.getResponse().setStatusCode(answer);
        })).block();
    }

    private static void serve(Duration serviceTime) {
        try {
            Thread.sleep(serviceTime); // at least this long, unlike parkNanos
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
