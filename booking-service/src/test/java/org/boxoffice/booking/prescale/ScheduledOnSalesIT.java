package org.boxoffice.booking.prescale;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.admission.WaitingRoom;
import org.boxoffice.booking.admission.WaitingRoomService;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.scaling.OnSales;
import org.boxoffice.platform.scaling.PreScaler;
import org.boxoffice.platform.scaling.ScalingPlan;
import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What booking-service tells the pre-scaler, from the real tables and the gateway's queue in Redis: a published event
 * opening in the window, expected at three buyers per ticket until its waiting room holds more; an event whose sale
 * opened before the window is not in it. The pre-scaler (dry run: there is no cluster here, and it must not call one)
 * plans for them.
 */
@IntegrationTest(properties = {
        "boxoffice.prescaling.enabled=true",
        "boxoffice.prescaling.auto-startup=false",
        "boxoffice.prescaling.lead=2h",
        "boxoffice.prescaling.targets[0].autoscaler=booking-service-blue",
        "boxoffice.prescaling.targets[0].base-min-replicas=3",
        "boxoffice.prescaling.targets[0].max-replicas=30",
        "boxoffice.prescaling.targets[0].buyers-per-replica=10" })
class ScheduledOnSalesIT {

    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    WaitingRoomService waitingRooms;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    OnSales onSales;
    @Autowired
    PreScaler preScaler;

    @Test
    void aComingSaleIsExpectedAtThreeBuyersPerTicketUntilItsWaitingRoomHoldsMore() {
        BookingFixture fixture = new BookingFixture(venues, events);
        OnSale coming = fixture.beforeSale(2, 10, 30, 4, 8);
        OnSale opened = fixture.onSale(1, 5, 5, 4, 8);
        UUID id = coming.event().id();
        Instant now = Instant.now();

        List<org.boxoffice.platform.scaling.OnSale> window = onSales.openingBetween(now, now.plus(Duration.ofHours(2)));

        assertThat(window).extracting(org.boxoffice.platform.scaling.OnSale::id).contains(id.toString())
                .doesNotContain(opened.event().id().toString());
        assertThat(expected(window, id)).as("(20 seats + 30 standing) x 3").isEqualTo(150);

        waitingRooms.configure(BookingFixture.ANY_ORGANIZATION, id, room -> new WaitingRoom(id, true, room.mode(),
                room.ratePerMinute(), room.minRatePerMinute(), room.maxRatePerMinute(), room.opensBefore(),
                room.passLifetime(), room.updatedAt()));
        String queue = "boxoffice:waiting-room:{" + id + "}:";
        for (int buyer = 0; buyer < 120; buyer++) {
            redis.opsForSet().add(queue + "early", UUID.randomUUID().toString());
        }
        redis.opsForHash().putAll(queue + "state", Map.of("seq", "200", "head", "50"));

        List<org.boxoffice.platform.scaling.OnSale> queued = onSales.openingBetween(now, now.plus(Duration.ofHours(2)));

        assertThat(expected(queued, id)).as("120 early arrivals + 150 places not yet let in").isEqualTo(270);

        ScalingPlan plan = preScaler.apply().orElseThrow();
        ScalingPlan.Decision booking = plan.decisions().getFirst();
        assertThat(booking.onSales()).extracting(org.boxoffice.platform.scaling.OnSale::id).contains(id.toString());
        assertThat(booking.buyers()).isGreaterThanOrEqualTo(270);
        assertThat(booking.minReplicas()).as("a dry run plans without any Kubernetes API")
                .isEqualTo((int) Math.min(30, Math.max(3, (booking.buyers() + 9) / 10)));
    }

    private static long expected(List<org.boxoffice.platform.scaling.OnSale> window, UUID event) {
        return window.stream().filter(sale -> sale.id().equals(event.toString())).findFirst().orElseThrow()
                .expectedBuyers();
    }
}
