package org.boxoffice.gateway.edge;

import org.boxoffice.gateway.ProblemWriter;
import org.boxoffice.platform.problem.PayloadTooLarge;
import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.boxoffice.platform.web.HttpLimitsProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Refuses a body whose declared length exceeds {@code boxoffice.http.max-request-body} with a 413 problem before
 * anything is forwarded. Chunked bodies pass through; each service enforces the same limit while reading. Refuses a
 * URI longer than {@value #MAX_URI_LENGTH} characters (what the services' request-line limit admits) with a 414
 * problem, headers over {@value #MAX_HEADER_BYTES} bytes with a 431 problem: Netty reads request lines and headers up
 * to {@code server.netty.max-initial-line-length} and {@code server.max-http-request-header-size} (application.yml)
 * so that this filter, not Netty's bodiless 414/431, answers them. An {@code Accept} header that does not parse gets
 * a 400 problem here: past this point nothing could negotiate a response for it.
 */
@Component
@EnableConfigurationProperties(HttpLimitsProperties.class)
class RequestSizeFilter implements WebFilter, Ordered {

    static final int MAX_URI_LENGTH = 8 * 1024;
    static final int MAX_HEADER_BYTES = 8 * 1024;

    private final HttpLimitsProperties limits;
    private final ProblemWriter problems;

    RequestSizeFilter(HttpLimitsProperties limits, ProblemWriter problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = limits.maxBodyFor(exchange.getRequest().getPath().value());
        if (exchange.getRequest().getHeaders().getContentLength() > limit) {
            exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
            return problems.write(exchange, Problems.of(new PayloadTooLarge(limit)));
        }
        String uri = exchange.getRequest().getURI().getRawPath();
        String query = exchange.getRequest().getURI().getRawQuery();
        if (uri.length() + (query == null ? 0 : query.length() + 1) > MAX_URI_LENGTH) {
            return problems.write(exchange, Problems.of(ProblemType.forStatus(414),
                    "The URI is longer than " + MAX_URI_LENGTH + " characters."));
        }
        long headerBytes = 0;
        for (var header : exchange.getRequest().getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                headerBytes += header.getKey().length() + value.length() + 4;
            }
        }
        if (headerBytes > MAX_HEADER_BYTES) {
            return problems.write(exchange, Problems.of(ProblemType.forStatus(431),
                    "The request headers are larger than " + MAX_HEADER_BYTES + " bytes."));
        }
        try {
            exchange.getRequest().getHeaders().getAccept();
        } catch (InvalidMediaTypeException unparseable) {
            return problems.write(exchange, Problems.of(ProblemType.BAD_REQUEST,
                    "The Accept header is not a list of media types."));
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
