package org.boxoffice.gateway.edge;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Keeps Reactor Netty from rewriting the request's remote address from {@code X-Forwarded-For}. Spring Boot turns that
 * on by itself on Kubernetes ({@code server.forward-headers-strategy} defaults to native there), and Netty then takes
 * the header's <em>first</em> entry from any peer: every client could name its own address and get a fresh rate-limit
 * budget per request. The gateway reads the header itself, from trusted proxies only ({@link ClientAddresses}), so
 * the remote address must stay the TCP peer. Runs after Boot's own customizer, whatever the strategy says.
 */
@Component
class ForwardedHeadersOff implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.setUseForwardHeaders(false);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
