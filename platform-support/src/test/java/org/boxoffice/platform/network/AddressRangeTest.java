package org.boxoffice.platform.network;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.255.1.2, true",
            "10.0.0.0/8, 11.0.0.1, false",
            "172.16.0.0/12, 172.31.255.255, true",
            "172.16.0.0/12, 172.32.0.1, false",
            "192.168.1.77/24, 192.168.1.1, true",
            "192.168.1.0/24, 192.168.2.1, false",
            "203.0.113.9, 203.0.113.9, true",
            "203.0.113.9, 203.0.113.10, false",
            "0.0.0.0/0, 8.8.8.8, true",
            "0.0.0.0/0, ::1, false",
            "fc00::/7, fd12:3456::1, true",
            "fc00::/7, fe80::1, false",
            "2001:db8::/32, 2001:db8:ffff::1, true",
            "::1, ::1, true",
            "::1, 127.0.0.1, false" })
    void matchesAddressesInsideThePrefixOnly(String range, String address, boolean contained) {
        assertThat(AddressRange.parse(range).contains(InetAddress.ofLiteral(address))).isEqualTo(contained);
    }

    @ParameterizedTest
    @ValueSource(strings = { "ingress-nginx", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/x", "", "10.0.0.0/" })
    void refusesAnythingButAnAddressRangeNamingIt(String value) {
        assertThatThrownBy(() -> AddressRange.parse(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + value + "'");
    }

    @Test
    void keepsTheTextItWasGiven() {
        assertThat(AddressRange.parse(" 10.0.0.0/8 ")).hasToString("10.0.0.0/8");
    }
}
