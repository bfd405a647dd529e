package org.boxoffice.gateway.edge;

import org.boxoffice.gateway.ProblemWriter;
import org.boxoffice.platform.problem.PayloadTooLarge;
import org.boxoffice.platform.problem.Problems;
import org.boxoffice.platform.web.HttpLimitsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a body whose declared length exceeds {@code boxoffice.http.max-request-body} with a 413 problem before
 * anything is forwarded. Chunked bodies pass through; each service enforces the same limit while reading.
 */
@Component
@EnableConfigurationProperties(HttpLimitsProperties.class)
class RequestSizeFilter implements WebFilter, Ordered {

    private final long limit;
    private final ProblemWriter problems;

    RequestSizeFilter(HttpLimitsProperties limits, ProblemWriter problems) {
        this.limit = limits.maxRequestBody().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > limit) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return problems.write(exchange, Problems.of(new PayloadTooLarge(limit)));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
