package org.boxoffice.platform.network;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private static final InetAddress INGRESS = ip("10.1.2.3");
    private static final InetAddress STRANGER = ip("198.51.100.20");
    private final TrustedProxies ingress = TrustedProxies.of(List.of("10.0.0.0/8"));

    @Test
    void trustingNobodyTheClientIsAlwaysThePeer() {
        assertThat(TrustedProxies.NONE.clientOf(INGRESS, List.of("203.0.113.7"))).isEqualTo(INGRESS);
        assertThat(TrustedProxies.of(List.of("", " ")).isEmpty()).isTrue();
    }

    @Test
    void ignoresTheHeaderFromAPeerThatIsNotATrustedProxy() {
        assertThat(ingress.clientOf(STRANGER, List.of("203.0.113.7"))).isEqualTo(STRANGER);
    }

    @Test
    void believesATrustedProxyAboutTheAddressItReceivedTheRequestFrom() {
        assertThat(ingress.clientOf(INGRESS, List.of("203.0.113.7"))).isEqualTo(ip("203.0.113.7"));
        assertThat(ingress.clientOf(INGRESS, List.of())).isEqualTo(INGRESS);
    }

    @Test
    void takesTheRightmostUntrustedEntrySoThatAClientCannotPrependAnotherAddress() {
        List<String> spoofed = List.of("192.0.2.1, 192.0.2.2,203.0.113.7");

        assertThat(ingress.clientOf(INGRESS, spoofed)).isEqualTo(ip("203.0.113.7"));
    }

    @Test
    void stepsOverEveryTrustedHopAcrossHeaderLines() {
        TrustedProxies twoTiers = TrustedProxies.of(List.of("10.0.0.0/8", "130.211.0.0/22"));

        assertThat(twoTiers.clientOf(INGRESS, List.of("192.0.2.1, 203.0.113.7", "130.211.0.5, 10.9.9.9")))
                .isEqualTo(ip("203.0.113.7"));
        assertThat(twoTiers.clientOf(INGRESS, List.of("10.0.0.1, 130.211.0.5"))).as("only proxies: the leftmost")
                .isEqualTo(ip("10.0.0.1"));
    }

    @Test
    void stopsAtTheNearestTrustedHopWhenATrustedProxyWroteSomethingUnreadable() {
        assertThat(ingress.clientOf(INGRESS, List.of("203.0.113.7, unknown"))).isEqualTo(INGRESS);
        assertThat(ingress.clientOf(INGRESS, List.of("203.0.113.7, 10.0.0.9, _hidden"))).isEqualTo(INGRESS);
        assertThat(ingress.clientOf(INGRESS, List.of("unknown, 10.0.0.9"))).isEqualTo(ip("10.0.0.9"));
        assertThat(ingress.clientOf(INGRESS, List.of(""))).isEqualTo(INGRESS);
    }

    @Test
    void readsEntriesWithPortsAndIpv6() {
        assertThat(ingress.clientOf(INGRESS, List.of("203.0.113.7:51234"))).isEqualTo(ip("203.0.113.7"));
        assertThat(ingress.clientOf(INGRESS, List.of("[2001:db8::7]:443"))).isEqualTo(ip("2001:db8::7"));
        assertThat(ingress.clientOf(INGRESS, List.of(" 2001:db8::8 "))).isEqualTo(ip("2001:db8::8"));
    }

    @Test
    void aServiceBelievesOnlyTheLastEntryAndOnlyFromItsGateway() {
        TrustedProxies gateway = TrustedProxies.of(List.of("127.0.0.0/8"));
        InetAddress local = ip("127.0.0.1");

        assertThat(gateway.lastHopOf(local, "192.0.2.1, 203.0.113.7")).isEqualTo(ip("203.0.113.7"));
        assertThat(gateway.lastHopOf(STRANGER, "203.0.113.7")).isEqualTo(STRANGER);
        assertThat(gateway.lastHopOf(local, null)).isEqualTo(local);
        assertThat(gateway.lastHopOf(local, "garbage")).isEqualTo(local);
    }

    @Test
    void countsIpv4ClientsByAddressAndIpv6ClientsByTheirSlash64() {
        assertThat(TrustedProxies.limitKey(ip("203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(TrustedProxies.limitKey(ip("2001:db8:1:2:aaaa::1")))
                .isEqualTo(TrustedProxies.limitKey(ip("2001:db8:1:2:bbbb::2"))).isEqualTo("2001:db8:1:2::/64");
        assertThat(TrustedProxies.limitKey(ip("2001:db8:1:3::1"))).isNotEqualTo("2001:db8:1:2::/64");
    }

    @Test
    void failsOnAMisconfiguredRangeNamingIt() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/8", "ingress-nginx")))
                .hasMessageContaining("'ingress-nginx'");
    }

    private static InetAddress ip(String literal) {
        return InetAddress.ofLiteral(literal);
    }
}
