package org.boxoffice.gateway.edge;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives every request an {@code X-Request-Id} — the client's if it is sane, a new one otherwise — passes it to the
 * service and echoes it in the response, so a support request can be followed through every log. W3C trace context
 * ({@code traceparent}) is propagated alongside by the gateway's instrumented HTTP client.
 */
@Component
class CorrelationIdFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Request-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = sane(offered) ? offered : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, id);
        return chain.filter(exchange.mutate().request(request -> request.headers(headers -> headers.set(HEADER, id))).build());
    }

    /** 1 to 128 of {@code A-Z a-z 0-9 . _ : -}: safe in logs and headers (a loop, not a regex, on every request). */
    static boolean sane(@Nullable String offered) {
        if (offered == null || offered.isEmpty() || offered.length() > 128) {
            return false;
        }
        for (int i = 0; i < offered.length(); i++) {
            char c = offered.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == ':' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int getOrder() {
        // Before security, so that even a refused request carries its id.
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
