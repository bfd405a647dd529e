package org.boxoffice.payment.order;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.boxoffice.payment.system.PaymentProperties;
import org.boxoffice.platform.testing.ConfiguredBreakers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** booking-service slow or down costs a buyer a fast 503, and a booking that keeps failing is not asked again. */
class BookingOrdersTest {

    /** The breakers exactly as application.yml configures them (resilience4j.circuitbreaker.instances). */
    private static final CircuitBreakerRegistry BREAKERS = ConfiguredBreakers.fromApplicationYml();

    private final AtomicInteger hits = new AtomicInteger();
    private HttpServer booking;

    @AfterEach
    void stop() {
        booking.stop(0);
    }

    @Test
    void aSlowBookingTimesOutAndThenTheBreakerAnswersWithoutCallingIt() throws IOException {
        // booking never answers until the test ends: a call can only come back through the client's read timeout.
        java.util.concurrent.CountDownLatch bookingMayAnswer = new java.util.concurrent.CountDownLatch(1);
        BookingOrders orders = client(exchange -> {
            hits.incrementAndGet();
            try {
                bookingMayAnswer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        try {
            assertThatThrownBy(() -> orders.find(UUID.randomUUID(), "token")).isInstanceOf(BookingUnavailable.class)
                    .satisfies(e -> assertThat(((BookingUnavailable) e).properties())
                            .containsEntry("service", "booking-service"));

            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> orders.find(UUID.randomUUID(), "token")).isInstanceOf(BookingUnavailable.class);
            }
            assertThat(orders.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
            int before = hits.get();
            assertThatThrownBy(() -> orders.find(UUID.randomUUID(), "token")).isInstanceOf(BookingUnavailable.class);
            assertThat(hits.get()).as("an open breaker does not call booking").isEqualTo(before);
        } finally {
            bookingMayAnswer.countDown();
        }
    }

    @Test
    void aMissingOrderIsNotFoundAndDoesNotCountAsBookingFailing() throws IOException {
        BookingOrders orders = client(exchange -> {
            byte[] body = "{\"type\":\"https://boxoffice.dev/problems/order-not-found\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });

        for (int i = 0; i < 8; i++) {
            assertThatThrownBy(() -> orders.find(UUID.randomUUID(), "token")).isInstanceOf(OrderNotFound.class);
        }
        assertThat(orders.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void forwardsTheBuyersTokenAndReadsTheOrder() throws IOException {
        UUID orderId = UUID.randomUUID();
        BookingOrders orders = client(exchange -> {
            boolean authorized = "Bearer buyer-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    && exchange.getRequestURI().getPath().equals("/api/v1/orders/" + orderId);
            byte[] body = ("{\"id\":\"" + orderId + "\",\"eventId\":\"" + UUID.randomUUID() + "\",\"holdId\":\""
                    + UUID.randomUUID() + "\",\"status\":\"PENDING_PAYMENT\",\"totalMinor\":12500,\"currency\":\"EUR\","
                    + "\"quantity\":2,\"paymentDue\":\"2030-01-01T00:00:00Z\",\"lines\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(authorized ? 200 : 401, authorized ? body.length : -1);
            if (authorized) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        }, Duration.ofSeconds(5));

        BookingOrder order = orders.find(orderId, "buyer-token");

        assertThat(order.totalMinor()).isEqualTo(12500);
        assertThat(order.currency()).isEqualTo("EUR");
        assertThat(order.status()).isEqualTo(BookingOrder.PENDING_PAYMENT);
    }

    private BookingOrders client(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        return client(handler, Duration.ofMillis(400));
    }

    private BookingOrders client(com.sun.net.httpserver.HttpHandler handler, Duration readTimeout) throws IOException {
        booking = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        booking.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        booking.createContext("/", handler);
        booking.start();
        PaymentProperties properties = new PaymentProperties(
                URI.create("http://127.0.0.1:" + booking.getAddress().getPort()), Duration.ofMillis(500),
                readTimeout, Duration.ofMinutes(10), Duration.ofDays(7), Duration.ofSeconds(2), false);
        // Each test starts from a closed breaker: the registry's "booking-service", its configuration, not its state.
        BREAKERS.circuitBreaker(BookingUnavailable.SERVICE).reset();
        return new BookingOrders(properties, BREAKERS, org.springframework.web.client.RestClient.builder(),
                org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder.jdk());
    }
}
