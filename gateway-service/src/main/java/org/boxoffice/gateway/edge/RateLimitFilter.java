package org.boxoffice.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.boxoffice.gateway.ProblemWriter;
import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import reactor.core.publisher.Mono;

/**
 * Request budgets per client, counted in Redis so that every gateway replica shares them: per user (token subject)
 * when authenticated, per client address otherwise, and a much smaller budget for login and registration per address.
 * The client address is the real client's, not the proxy's in front of the gateway ({@link ClientAddresses}).
 * Over budget: 429 with {@code Retry-After} (seconds until the window ends) and a problem body.
 *
 * <p>If Redis cannot be reached the request passes: during a surge, losing the limiter must not mean losing the
 * platform. The services still authenticate every call and user-service throttles failed logins itself.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    static final ProblemType RATE_LIMITED = new ProblemType("rate-limited", "Too many requests", 429);
    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);
    /** Counts the request and starts the window on the first one; answers the count and the window's remaining ms. */
    private static final RedisScript<List> COUNT = RedisScript.of("""
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {count, ttl}
            """, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final EdgeProperties.RateLimit limits;
    private final ProblemWriter problems;
    private final ClientAddresses clients;
    /** Parsed once: matching a request is a walk over the path's segments, no pattern parsing per request. */
    private final List<PathPattern> credentialPaths;

    RateLimitFilter(ReactiveStringRedisTemplate redis, EdgeProperties edge, ProblemWriter problems,
            ClientAddresses clients) {
        this.redis = redis;
        this.limits = edge.rateLimit();
        this.credentialPaths = limits.credentialPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.problems = problems;
        this.clients = clients;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!limits.enabled()) {
            return chain.filter(exchange);
        }
        if (credentialPaths.stream().anyMatch(pattern -> pattern.matches(exchange.getRequest().getPath().pathWithinApplication()))) {
            return limit(exchange, chain, "credentials:" + clients.limitKey(exchange), limits.credentialsPerWindow());
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> "user:" + principal.getName())
                .defaultIfEmpty("")
                .flatMap(user -> user.isEmpty()
                        ? limit(exchange, chain, "ip:" + clients.limitKey(exchange), limits.anonymousPerWindow())
                        : limit(exchange, chain, user, limits.authenticatedPerWindow()));
    }

    private Mono<Void> limit(ServerWebExchange exchange, GatewayFilterChain chain, String client, int budget) {
        long window = limits.window().toMillis();
        String key = "boxoffice:ratelimit:" + client;
        return redis.execute(COUNT, List.of(key), List.of(Long.toString(window)))
                .next()
                .map(result -> new long[] { ((Number) result.get(0)).longValue(), ((Number) result.get(1)).longValue() })
                .timeout(Duration.ofMillis(500))
                .onErrorResume(error -> {
                    log.warn("Rate limiter unavailable, letting the request through: {}", error.toString());
                    return Mono.just(new long[] { 0, 0 });
                })
                .flatMap(countAndTtl -> {
                    if (countAndTtl[0] <= budget) {
                        return chain.filter(exchange);
                    }
                    long retryAfter = Math.max(1, (countAndTtl[1] + 999) / 1000);
                    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                    ProblemDetail problem = Problems.of(RATE_LIMITED,
                            "Too many requests. Retry in " + retryAfter + " seconds.");
                    problem.setProperty("retryAfterSeconds", retryAfter);
                    return problems.write(exchange, problem);
                });
    }

    @Override
    public int getOrder() {
        // Before routing and the circuit breakers: a refused request costs the services nothing.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
