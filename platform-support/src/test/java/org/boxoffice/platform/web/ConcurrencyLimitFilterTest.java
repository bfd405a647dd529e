package org.boxoffice.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyLimitFilterTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(2, Duration.ofMillis(100),
            Duration.ofSeconds(2), "booking-service", JsonMapper.builder().build(), meters);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch inside = new CountDownLatch(2);
    private final AtomicInteger served = new AtomicInteger();

    /** Stands in for a slow controller: waits until the test lets it finish. */
    private final HttpServlet slow = new HttpServlet() {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) {
            served.incrementAndGet();
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.setStatus(201);
        }
    };

    private MockHttpServletResponse call(String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("POST", path), response, new MockFilterChain(slow));
        return response;
    }

    @Test
    void refusesTheRequestOverTheLimitAtOnceWithRetryAfterAndServesItOncePlacesAreFree() throws Exception {
        Thread first = Thread.ofVirtual().start(() -> quietly("/api/v1/holds"));
        Thread second = Thread.ofVirtual().start(() -> quietly("/api/v1/holds"));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = call("/api/v1/holds");

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("\"type\":\"https://boxoffice.dev/problems/service-busy\"")
                .contains("booking-service is at capacity").contains("\"retryAfterSeconds\":2");
        assertThat(served).as("the refused request never reached the controller").hasValue(2);
        assertThat(meters.get("boxoffice.http.requests.refused").counter().count()).isEqualTo(1);
        assertThat(meters.get("boxoffice.http.requests.in.progress").gauge().value()).isEqualTo(2);

        release.countDown();
        first.join();
        second.join();
        assertThat(call("/api/v1/holds").getStatus()).isEqualTo(201);
        assertThat(meters.get("boxoffice.http.requests.in.progress").gauge().value()).isZero();
    }

    @Test
    void healthAndMetricsAreNeverRefused() throws Exception {
        Thread.ofVirtual().start(() -> quietly("/api/v1/holds"));
        Thread.ofVirtual().start(() -> quietly("/api/v1/holds"));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        release.countDown();

        for (String path : new String[] {"/readyz", "/livez", "/actuator/prometheus"}) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            filter.doFilter(new MockHttpServletRequest("GET", path), response,
                    new MockFilterChain(new HttpServlet() {
                        @Override
                        protected void service(HttpServletRequest request, HttpServletResponse r) {
                            r.setStatus(200);
                        }
                    }));
            assertThat(response.getStatus()).as(path).isEqualTo(200);
        }
    }

    @Test
    void keepsTheReservedPlacesForTheLateStepsOfAJourney() throws Exception {
        ConcurrencyLimitFilter reserving = new ConcurrencyLimitFilter(3, 1, List.of("/api/v1/orders/**"),
                Duration.ofMillis(100), Duration.ofSeconds(2), "booking-service", JsonMapper.builder().build(),
                new SimpleMeterRegistry());
        Thread.ofVirtual().start(() -> quietly(reserving, "/api/v1/events/e/availability"));
        Thread.ofVirtual().start(() -> quietly(reserving, "/api/v1/holds"));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse browsing = new MockHttpServletResponse();
        reserving.doFilter(new MockHttpServletRequest("GET", "/api/v1/events/e"), browsing, new MockFilterChain(slow));
        assertThat(browsing.getStatus()).as("a third browsing request finds the unreserved places taken").isEqualTo(503);

        Thread checkout = Thread.ofVirtual().start(() -> quietly(reserving, "/api/v1/orders/o-1"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (served.get() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(served).as("the order request took the reserved place while browsing was refused").hasValue(3);

        MockHttpServletResponse secondCheckout = new MockHttpServletResponse();
        reserving.doFilter(new MockHttpServletRequest("POST", "/api/v1/orders"), secondCheckout,
                new MockFilterChain(slow));
        assertThat(secondCheckout.getStatus()).as("the reserve is full too").isEqualTo(503);

        release.countDown();
        checkout.join();
        MockHttpServletResponse later = new MockHttpServletResponse();
        reserving.doFilter(new MockHttpServletRequest("GET", "/api/v1/events/e"), later, new MockFilterChain(slow));
        assertThat(later.getStatus()).isEqualTo(201);
    }

    @Test
    void runsBeforeAuthenticationAndTheIdempotencyFilterSoARefusedRequestTouchesNothing() {
        var limits = new HttpLimitsProperties(DataSize.ofKilobytes(256), 48,
                Duration.ofSeconds(1), Duration.ofSeconds(2), List.of(), 0, List.of(), DataSize.ofMegabytes(8));
        var registration = new WebMvcProblemsAutoConfiguration().concurrencyLimitFilter(limits,
                JsonMapper.builder().build(), new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class),
                "booking-service");

        // Spring Security's chain is registered at -100, the idempotency filter after it, at 0.
        assertThat(registration.getOrder()).isLessThan(-100);
    }

    private void quietly(String path) {
        quietly(filter, path);
    }

    private void quietly(ConcurrencyLimitFilter target, String path) {
        try {
            MockHttpServletResponse response = new MockHttpServletResponse();
            target.doFilter(new MockHttpServletRequest("POST", path), response, new MockFilterChain(slow));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
