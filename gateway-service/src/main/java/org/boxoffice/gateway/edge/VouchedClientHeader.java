package org.boxoffice.gateway.edge;

import java.net.InetAddress;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the service who the client is: the forwarded request carries {@code X-Forwarded-For} with exactly the one
 * address the gateway vouches for ({@link ClientAddresses}), whatever the client sent. Runs after Spring Cloud
 * Gateway's own header filters, which drop every incoming {@code X-Forwarded-*} and {@code Forwarded} header. The
 * services believe this header only from the gateway's addresses (user-service: {@code boxoffice.users.trusted-proxies}).
 */
@Component
class VouchedClientHeader implements HttpHeadersFilter, Ordered {

    static final String NAME = "X-Forwarded-For";

    private final ClientAddresses clients;

    VouchedClientHeader(ClientAddresses clients) {
        this.clients = clients;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = HttpHeaders.copyOf(input);
        InetAddress client = clients.of(exchange);
        if (client == null) {
            headers.remove(NAME);
        } else {
            headers.set(NAME, client.getHostAddress());
        }
        return headers;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
