package org.boxoffice.user.auth.web;

import org.boxoffice.user.system.UserProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** user-service believes X-Forwarded-For only from its gateway, and then only the one address the gateway sets. */
class ClientAddressesTest {

    private final ClientAddresses clients = new ClientAddresses(properties("10.20.0.0/16"));

    @Test
    void believesTheGatewayAboutTheClient() {
        assertThat(clients.limitKey(request("10.20.3.4", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(clients.limitKey(request("10.20.3.4", "198.51.100.1, 203.0.113.7"))).as("the entry the gateway wrote")
                .isEqualTo("203.0.113.7");
    }

    @Test
    void ignoresTheHeaderFromAnyoneElse() {
        assertThat(clients.limitKey(request("192.0.2.50", "203.0.113.7"))).isEqualTo("192.0.2.50");
        assertThat(clients.limitKey(request("10.21.0.1", "203.0.113.7"))).isEqualTo("10.21.0.1");
    }

    @Test
    void fallsBackToTheGatewayWhenItSentNoReadableAddress() {
        assertThat(clients.limitKey(request("10.20.3.4", null))).isEqualTo("10.20.3.4");
        assertThat(clients.limitKey(request("10.20.3.4", "unknown"))).isEqualTo("10.20.3.4");
    }

    @Test
    void countsAnIpv6ClientByItsSlash64() {
        assertThat(clients.limitKey(request("10.20.3.4", "2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void trustsLoopbackAndThePrivateRangesByDefault() {
        ClientAddresses defaults = new ClientAddresses(Binder.get(new org.springframework.core.env.StandardEnvironment())
                .bindOrCreate("boxoffice.users", Bindable.of(UserProperties.class)));

        assertThat(defaults.limitKey(request("127.0.0.1", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(defaults.limitKey(request("172.20.0.5", "203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(defaults.limitKey(request("203.0.113.99", "203.0.113.7"))).isEqualTo("203.0.113.99");
    }

    private static UserProperties properties(String gateway) {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of("boxoffice.users.trusted-proxies", gateway)))
                .bindOrCreate("boxoffice.users", Bindable.of(UserProperties.class));
    }

    private static MockHttpServletRequest request(String peer, @org.jspecify.annotations.Nullable String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/auth/login");
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }
}
