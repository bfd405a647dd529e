package org.boxoffice.platform.idempotency;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.boxoffice.platform.problem.DataStoreUnavailable;
import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.boxoffice.platform.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a POST that carries an {@code Idempotency-Key} safe to retry. The key is scoped to the caller; the request
 * is fingerprinted by method, path and body.
 *
 * <p>No secret is kept: the fingerprint leaves out the configured secret members of a JSON body (passwords, refresh
 * tokens, card data: {@code boxoffice.idempotency.unfingerprinted-fields}), a body that is not JSON gets no
 * record at all (every API takes JSON, so it can only be refused), and a response marked {@code Cache-Control: no-store} (tokens) is never
 * stored — a retry runs again instead of being replayed. Paths in {@code boxoffice.idempotency.excluded-paths} get no
 * record either.
 *
 * <ul>
 *   <li>First request with a key: the key is claimed (committed before the work starts), the request runs, and its
 *   response is stored unless it was a server error (then the claim is dropped so the retry can run).</li>
 *   <li>Same key, same request, finished: the stored response is replayed with {@code Idempotent-Replayed: true}.</li>
 *   <li>Same key, same request, still running: 409 {@code idempotent-request-in-progress}.</li>
 *   <li>Same key, different request: 422 {@code idempotency-key-reused}.</li>
 * </ul>
 *
 * A database that is unreachable or goes away while the key is claimed is a {@code 503 service-unavailable} with
 * {@code Retry-After}, as anywhere else ({@link DataStoreUnavailable}): nothing was done, the retry is safe.
 *
 * Registered by {@link IdempotencyAutoConfiguration}; the table comes with the platform tables (db/platform V2).
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyRecords records;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration abandonedAfter;
    private final List<String> excludedPaths;
    private final RequestFingerprint fingerprint;
    private final AntPathMatcher paths = new AntPathMatcher();

    public IdempotencyFilter(IdempotencyRecords records, JsonMapper json, Clock clock, Duration abandonedAfter,
            List<String> excludedPaths, List<String> unfingerprintedFields) {
        this.records = records;
        this.json = json;
        this.clock = clock;
        this.abandonedAfter = abandonedAfter;
        this.excludedPaths = List.copyOf(excludedPaths);
        this.fingerprint = new RequestFingerprint(json, unfingerprintedFields);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        for (String pattern : excludedPaths) {
            if (paths.match(pattern, path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            problem(response, IdempotencyProblems.INVALID_IDEMPOTENCY_KEY,
                    "Idempotency-Key must be 1 to 255 visible ASCII characters, such as a UUID.");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String scope = CurrentUser.find().map(user -> "user:" + user.id()).orElse("anonymous");
        String hash = fingerprint.of(request.getMethod(), request.getRequestURI(), body);
        if (hash == null) {
            // A body that is not JSON changes nothing (the service refuses it); fingerprinting it whole could hash a secret.
            chain.doFilter(new CachedBodyRequest(request, body), response);
            return;
        }
        try {
            if (!claimed(scope, key, hash, response)) {
                return;
            }
        } catch (RuntimeException failure) {
            // The database went away before the work started: nothing changed, the client should simply retry.
            DataStoreUnavailable unavailable = DataStoreUnavailable.from(failure);
            if (unavailable == null) {
                throw failure;
            }
            response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DataStoreUnavailable.RETRY_AFTER_SECONDS));
            write(response, unavailable.type().status(), Problems.of(unavailable));
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean keep = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            keep = captured.getStatus() < 500 && !noStore(captured);
            if (keep) {
                complete(scope, key, captured);
            }
        } finally {
            if (!keep) {
                forget(scope, key);
            }
            captured.copyBodyToResponse();
        }
    }

    /**
     * Stores the answer for replays. The work is done whatever happens here: if the database has gone away meanwhile
     * the client still gets its answer, and the key stays claimed (a retry is told the request is in progress until
     * {@code abandonedAfter}), never forgotten, which would let a retry do the work twice.
     */
    private void complete(String scope, String key, ContentCachingResponseWrapper captured) {
        try {
            records.complete(scope, key, captured.getStatus(), captured.getContentType(),
                    captured.getContentAsByteArray(), captured.getHeader(HttpHeaders.LOCATION));
        } catch (RuntimeException failure) {
            if (DataStoreUnavailable.from(failure) == null) {
                throw failure;
            }
            log.warn("Could not store the answer to Idempotency-Key {} ({}): {}", key, scope, failure.toString());
        }
    }

    /**
     * Drops the claim of a request that failed, so that its retry may run. Without a database the claim stays and is
     * taken over after {@code abandonedAfter}; the failure's own answer (a 503 to retry) is what the client gets.
     */
    private void forget(String scope, String key) {
        try {
            records.forget(scope, key);
        } catch (RuntimeException failure) {
            if (DataStoreUnavailable.from(failure) == null) {
                throw failure;
            }
            log.warn("Could not drop the claim of Idempotency-Key {} ({}): {}", key, scope, failure.toString());
        }
    }

    /**
     * Claims the key for this request, or answers the request itself (a replay, a conflict): true when the request
     * is to run.
     */
    private boolean claimed(String scope, String key, String hash, HttpServletResponse response) throws IOException {
        Instant now = clock.instant();
        if (!records.claim(scope, key, hash, now)) {
            Optional<IdempotencyRecords.StoredRecord> existing = records.find(scope, key);
            if (existing.isEmpty()) {
                // Forgotten between our claim attempt and the read: the first request failed; this one may run.
                if (!records.claim(scope, key, hash, now)) {
                    problem(response, IdempotencyProblems.IDEMPOTENT_REQUEST_IN_PROGRESS,
                            "A request with this Idempotency-Key is in progress; retry shortly.");
                    return false;
                }
            } else if (!existing.get().requestHash().equals(hash)) {
                problem(response, IdempotencyProblems.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for a different request; use a new key for a new request.");
                return false;
            } else if (existing.get().completed()) {
                replay(existing.get(), response);
                return false;
            } else if (existing.get().createdAt().plus(abandonedAfter).isAfter(now)
                    || !records.takeOver(scope, key, existing.get().createdAt(), now)) {
                problem(response, IdempotencyProblems.IDEMPOTENT_REQUEST_IN_PROGRESS,
                        "A request with this Idempotency-Key is in progress; retry shortly.");
                return false;
            }
        }
        return true;
    }

    private static void replay(IdempotencyRecords.StoredRecord record, HttpServletResponse response)
            throws IOException {
        response.setStatus(record.status() == null ? 200 : record.status());
        if (record.contentType() != null) {
            response.setContentType(record.contentType());
        }
        if (record.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, record.location());
        }
        response.setHeader(REPLAYED, "true");
        if (record.body() != null) {
            response.getOutputStream().write(record.body());
        }
    }

    private void problem(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        var problem = Problems.of(type, detail);
        problem.setProperty("header", HEADER);
        write(response, type.status(), problem);
    }

    private void write(HttpServletResponse response, int status, ProblemDetail problem) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(Problems.toJson(problem)));
    }

    /** A response the service marked as never to be stored (it carries tokens) is not kept here either. */
    private static boolean noStore(HttpServletResponse response) {
        for (String value : response.getHeaders(HttpHeaders.CACHE_CONTROL)) {
            if (value.toLowerCase(Locale.ROOT).contains("no-store")) {
                return true;
            }
        }
        return false;
    }
}
