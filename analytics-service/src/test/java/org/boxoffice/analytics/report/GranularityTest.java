package org.boxoffice.analytics.report;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GranularityTest {

    @Test
    void readsKnownGranularitiesInAnyCase() {
        assertThat(Granularity.parse("minute")).isEqualTo(Granularity.MINUTE);
        assertThat(Granularity.parse("HOUR")).isEqualTo(Granularity.HOUR);
    }

    @Test
    void refusesAnUnknownGranularityNamingTheAllowedOnes() {
        assertThatThrownBy(() -> Granularity.parse("second")).isInstanceOf(UnknownGranularity.class)
                .hasMessageContaining("minute, hour, day");
    }

    @Test
    void countsBucketsFromTheAlignedStart() {
        Instant from = Instant.parse("2026-03-01T10:00:30Z");

        assertThat(Granularity.MINUTE.buckets(from, Instant.parse("2026-03-01T10:03:00Z"))).isEqualTo(3);
        assertThat(Granularity.MINUTE.buckets(from, Instant.parse("2026-03-01T10:03:01Z"))).isEqualTo(4);
        assertThat(Granularity.HOUR.truncate(from)).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    }
}
