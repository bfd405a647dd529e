package org.boxoffice.booking.venue;

import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A stadium-sized section is created in one request and read back whole; the log shows how long each took. */
@IntegrationTest
class LargeSeatMapIT {

    private static final Logger log = LoggerFactory.getLogger(LargeSeatMapIT.class);

    @Autowired
    VenueService venues;

    @Test
    void createsAndReadsBackTwentyThousandSeatsInOneSection() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        log.info("After start-up and a GC: heap used {} MiB, classes loaded {}",
                (runtime.totalMemory() - runtime.freeMemory()) >> 20,
                java.lang.management.ManagementFactory.getClassLoadingMXBean().getLoadedClassCount());
        for (int round = 1; round <= 3; round++) {
            UUID organization = UUID.randomUUID();
            Venue venue = venues.create(BookingFixture.ANY_ORGANIZATION, organization, "Stadium " + round, "Lisbon",
                    "Rua 1", ZoneId.of("Europe/Lisbon"));
            long started = System.nanoTime();
            var section = venues.addSeatedSection(BookingFixture.ANY_ORGANIZATION, venue.id(), "A", "Stand",
                    new RowRange("1", "200"), 1, 100, Set.of("1-1"), Set.of());
            long created = System.nanoTime();
            SeatMap map = venues.seatMap(BookingFixture.ANY_ORGANIZATION, venue.id());
            long read = System.nanoTime();
            log.info("20,000-seat section, round {}: created in {} ms, seat map read in {} ms", round,
                    (created - started) / 1_000_000, (read - created) / 1_000_000);

            assertThat(section.seats()).hasSize(20_000);
            assertThat(map.sections()).singleElement().satisfies(s -> {
                assertThat(s.section().capacity()).isEqualTo(20_000);
                assertThat(s.seats()).hasSize(20_000);
                assertThat(s.seats().getFirst().accessible()).isTrue();
                assertThat(s.seats().getLast().row()).isEqualTo("200");
            });
        }
    }
}
