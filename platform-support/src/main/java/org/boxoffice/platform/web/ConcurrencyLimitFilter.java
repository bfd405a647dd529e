package org.boxoffice.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.AntPathMatcher;
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
 *
 * <p>{@code reserved} of the places are kept for requests on the {@code priorityPaths} (Ant patterns): the late steps
 * of a buyer's journey, such as checking out a hold or paying for an order. In a surge the refusals then fall on
 * buyers who are only looking, not on buyers who hold seats — a refused payment loses a sale, a refused page view
 * does not.
 */
public class ConcurrencyLimitFilter extends OncePerRequestFilter {

    static final ProblemType SERVICE_BUSY = new ProblemType("service-busy", "Service busy", 503);

    private final Semaphore permits;
    private final Semaphore reserve;
    private final List<String> priorityPaths;
    private final AntPathMatcher paths = new AntPathMatcher();
    private final int maxConcurrent;
    private final Duration maxWait;
    private final Duration retryAfter;
    private final String service;
    private final JsonMapper json;
    private final Counter refused;

    public ConcurrencyLimitFilter(int maxConcurrent, Duration maxWait, Duration retryAfter, String service,
            JsonMapper json, MeterRegistry meters) {
        this(maxConcurrent, 0, List.of(), maxWait, retryAfter, service, json, meters);
    }

    public ConcurrencyLimitFilter(int maxConcurrent, int reserved, List<String> priorityPaths, Duration maxWait,
            Duration retryAfter, String service, JsonMapper json, MeterRegistry meters) {
        if (reserved < 0 || reserved >= maxConcurrent) {
            throw new IllegalArgumentException("boxoffice.http.priority-reserved must be at least 0 and below "
                    + "max-concurrent-requests (" + maxConcurrent + "), got " + reserved);
        }
        this.permits = new Semaphore(maxConcurrent - reserved, true);
        this.reserve = new Semaphore(reserved, true);
        this.priorityPaths = List.copyOf(priorityPaths);
        this.maxConcurrent = maxConcurrent;
        this.maxWait = maxWait;
        this.retryAfter = retryAfter;
        this.service = service;
        this.json = json;
        this.refused = Counter.builder("boxoffice.http.requests.refused")
                .description("API requests refused with 503 service-busy (concurrency limit reached)").register(meters);
        Gauge.builder("boxoffice.http.requests.in.progress", this,
                        f -> maxConcurrent - f.permits.availablePermits() - f.reserve.availablePermits())
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
        Semaphore admitted = admit(request);
        if (admitted == null) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            admitted.release();
        }
    }

    /** The pool the request got its place from (a priority request tries the reserve first), or null. */
    private @Nullable Semaphore admit(HttpServletRequest request) {
        if (priority(request) && reserve.tryAcquire()) {
            return reserve;
        }
        try {
            return permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS) ? permits : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private boolean priority(HttpServletRequest request) {
        String path = request.getRequestURI();
        for (String pattern : priorityPaths) {
            if (paths.match(pattern, path)) {
                return true;
            }
        }
        return false;
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
