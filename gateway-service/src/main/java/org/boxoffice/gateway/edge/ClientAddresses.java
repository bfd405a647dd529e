package org.boxoffice.gateway.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.boxoffice.platform.network.TrustedProxies;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who the client of a request is: the TCP peer, unless the peer is one of the trusted proxies
 * ({@code boxoffice.gateway.edge.trusted-proxies}), in which case the rightmost {@code X-Forwarded-For} entry that is
 * not a trusted proxy ({@link TrustedProxies#clientOf}). Computed once per request, on first use, and kept on the
 * exchange; every per-client limit keys on it and the services are told it ({@link VouchedClientHeader}).
 *
 * <p>Trusting nobody (the default, and the local run) the header is ignored: a client cannot pick its own address.
 */
@Component
public class ClientAddresses {

    static final String ATTRIBUTE = ClientAddresses.class.getName() + ".client";
    private static final Logger log = LoggerFactory.getLogger(ClientAddresses.class);

    private final TrustedProxies proxies;

    ClientAddresses(EdgeProperties edge) {
        this.proxies = TrustedProxies.of(edge.trustedProxies());
        log.info("X-Forwarded-For is trusted from: {}", proxies);
    }

    /** The client's address; null only for a connection without an IP peer. */
    public @Nullable InetAddress of(ServerWebExchange exchange) {
        if (exchange.getAttributes().get(ATTRIBUTE) instanceof InetAddress known) {
            return known;
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null || remote.getAddress() == null) {
            return null;
        }
        InetAddress client = proxies.isEmpty() ? remote.getAddress()
                : proxies.clientOf(remote.getAddress(), exchange.getRequest().getHeaders().getOrEmpty(VouchedClientHeader.NAME));
        exchange.getAttributes().put(ATTRIBUTE, client);
        return client;
    }

    /** What a per-client budget counts under ({@link TrustedProxies#limitKey}: an IPv6 client by its /64). */
    String limitKey(ServerWebExchange exchange) {
        InetAddress client = of(exchange);
        return client == null ? "unknown" : TrustedProxies.limitKey(client);
    }
}
