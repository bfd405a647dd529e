package org.boxoffice.booking.inventory;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans PostgreSQL chooses for the hold path's statements on an event published a moment ago, the moment an
 * on-sale starts. The statistics are first taken with the events already there, as autovacuum leaves them; a new
 * event is then unknown to them, and unless publishing refreshes them the planner takes it for a few rows and scans
 * the whole event's partial index for the fence (measured at 11 ms a hold instead of 0.5 ms on a 15,000-seat event).
 */
@IntegrationTest
class HoldPathPlansIT {

    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFenceAndBestAvailableUseTheirIndexesOnAnEventPublishedAfterTheLastAnalyze() {
        BookingFixture fixture = new BookingFixture(venues, events);
        fixture.onSale(20, 50, 10, 4, 4);
        jdbc.sql("ANALYZE event_seat").update();

        OnSale sale = fixture.onSale(100, 100, 10, 4, 4);
        UUID eventId = sale.event().id();
        List<UUID> pair = sale.seatIds(5_000, 2);

        assertThat(plan(Inventory.TAKE_SEATS, UUID.randomUUID(), eventId, pair.toArray(UUID[]::new)))
                .contains("event_seat_pk").doesNotContain("event_seat_best_available", "event_seat_by_section");
        assertThat(plan(Inventory.BEST_AVAILABLE, eventId, sale.stalls().id(), 64))
                .contains("event_seat_best_available").doesNotContain("Sort");
    }

    private String plan(String sql, Object... params) {
        return String.join("\n", jdbc.sql("EXPLAIN " + sql).params(params).query(String.class).list());
    }
}
