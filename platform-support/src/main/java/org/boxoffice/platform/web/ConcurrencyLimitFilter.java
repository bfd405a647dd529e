package org.boxoffice.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * Load shedding: at most {@code maxConcurrent} API requests in progress per replica; a request that finds no free
 * place within {@code maxWait} is answered at once with {@code 503 service-busy} and {@code Retry-After}, before it
 * reaches anything that changes state (so a refused request changes nothing, and its {@code Idempotency-Key} stays
 * unused).
 *
 * <p>Requests run on virtual threads, so nothing else bounds them: in an on-sale surge, thousands would queue for
 * the ten database connections and be answered after the gateway's timeout, each having used CPU for nothing
 * (docs/performance.md). A fast refusal keeps the admitted requests fast and tells the client when to come back.
 * Health, metrics and the other actuator endpoints are never refused.
 */
public class ConcurrencyLimitFilter extends OncePerRequestFilter {

    static final ProblemType SERVICE_BUSY = new ProblemType("service-busy", "Service busy", 503);

    private final Semaphore permits;
    private final int maxConcurrent;
    private final Duration maxWait;
    private final Duration retryAfter;
    private final String service;
    private final JsonMapper json;
    private final Counter refused;

    public ConcurrencyLimitFilter(int maxConcurrent, Duration maxWait, Duration retryAfter, String service,
            JsonMapper json, MeterRegistry meters) {
        this.permits = new Semaphore(maxConcurrent, true);
        this.maxConcurrent = maxConcurrent;
        this.maxWait = maxWait;
        this.retryAfter = retryAfter;
        this.service = service;
        this.json = json;
        this.refused = Counter.builder("boxoffice.http.requests.refused")
                .description("API requests refused with 503 service-busy (concurrency limit reached)").register(meters);
        Gauge.builder("boxoffice.http.requests.in.progress", permits, p -> maxConcurrent - p.availablePermits())
                .description("API requests in progress, at most boxoffice.http.max-concurrent-requests")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator") || path.equals("/livez") || path.equals("/readyz");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            permits.release();
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        refused.increment();
        long seconds = Math.max(1, retryAfter.toSeconds());
        ProblemDetail problem = Problems.of(SERVICE_BUSY, service + " is at capacity (" + maxConcurrent
                + " requests in progress). Nothing was changed; retry after " + seconds + " s.");
        problem.setProperty("service", service);
        problem.setProperty("retryAfterSeconds", seconds);
        response.setStatus(503);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.toJson(problem));
    }
}
