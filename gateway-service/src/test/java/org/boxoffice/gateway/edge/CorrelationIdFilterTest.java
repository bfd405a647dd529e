package org.boxoffice.gateway.edge;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which client request ids the gateway passes on, and which it replaces with its own. */
class CorrelationIdFilterTest {

    @ParameterizedTest
    @ValueSource(strings = { "a", "4bf92f3577b34da6a3ce929d0e0e4736", "req-1.2_3:4",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
    void keepsASaneId(String id) {
        assertThat(CorrelationIdFilter.sane(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "with space", "new\nline", "quote\"", "ünïcode", "semi;colon",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
    void replacesAnIdThatCouldForgeALogLineOrAHeader(String id) {
        assertThat(CorrelationIdFilter.sane(id)).isFalse();
        assertThat(CorrelationIdFilter.sane(null)).isFalse();
    }
}
