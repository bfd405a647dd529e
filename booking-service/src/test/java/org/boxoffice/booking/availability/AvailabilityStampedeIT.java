package org.boxoffice.booking.availability;

import java.util.List;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.Concurrently;
import org.boxoffice.booking.Concurrently.Outcome;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When an event's cached availability is missing (first read, ready marker expired, Redis restarted), the buyers
 * asking at that moment share one rebuild from the database instead of each reading every seat of the event.
 */
@IntegrationTest
class AvailabilityStampedeIT {

    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    AvailabilityService availability;
    @Autowired
    AvailabilityCache cache;
    @Autowired
    MeterRegistry meters;

    @Test
    void sixtyBuyersMissingTheCacheTogetherShareOneRebuild() throws Exception {
        OnSale sale = new BookingFixture(venues, events).onSale(20, 50, 100, 4, 4);
        availability.sections(sale.event().id());
        cache.invalidate(sale.event().id());
        double before = rebuilds();

        List<Outcome<List<SectionAvailability>>> outcomes = Concurrently.run(60,
                i -> availability.sections(sale.event().id()));

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.failure()).isNull();
            assertThat(outcome.value()).extracting(SectionAvailability::available).containsExactlyInAnyOrder(1_000, 100);
        });
        // One rebuild; a second only if a straggler missed just before the first one's marker was written.
        assertThat(rebuilds() - before).isBetween(1.0, 2.0);
    }

    private double rebuilds() {
        return meters.get("booking.availability.rebuilds").counter().count();
    }
}
