package org.boxoffice.user.auth.web;

import java.net.InetAddress;

import jakarta.servlet.http.HttpServletRequest;

import org.boxoffice.platform.network.TrustedProxies;
import org.boxoffice.user.system.UserProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The client a request comes from: the address the gateway vouches for in {@code X-Forwarded-For} — it sends exactly
 * one — when the request comes from the gateway ({@code boxoffice.users.trusted-proxies}), else the TCP peer. A
 * caller that is not the gateway cannot name an address. Tomcat does not rewrite the peer itself
 * ({@code server.forward-headers-strategy: none}), so this is the only place the header is read.
 */
@Component
class ClientAddresses {

    private static final Logger log = LoggerFactory.getLogger(ClientAddresses.class);

    private final TrustedProxies gateways;

    ClientAddresses(UserProperties properties) {
        this.gateways = TrustedProxies.of(properties.trustedProxies());
        log.info("X-Forwarded-For is trusted from: {}", gateways);
    }

    /** The client's per-client limit key ({@link TrustedProxies#limitKey}: an IPv6 client by its /64). */
    String limitKey(HttpServletRequest request) {
        InetAddress peer;
        try {
            peer = InetAddress.ofLiteral(request.getRemoteAddr());
        } catch (IllegalArgumentException notAnAddress) {
            return request.getRemoteAddr();
        }
        return TrustedProxies.limitKey(gateways.lastHopOf(peer, request.getHeader("X-Forwarded-For")));
    }
}
