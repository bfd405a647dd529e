package org.boxoffice.booking.availability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.Concurrently;
import org.boxoffice.booking.Concurrently.Outcome;
import org.boxoffice.booking.RedisProxy;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldRequest;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.hold.SeatsUnavailable;
import org.boxoffice.booking.system.RedisGuard;
import org.boxoffice.booking.venue.Seat;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis goes away under the service (a proxy between them is cut; the machine's Redis keeps running): holds keep
 * working through the database fence, nothing is sold twice, and the availability cache is right again once Redis
 * is back.
 */
@IntegrationTest
@Import(RedisOutageIT.ThroughProxy.class)
class RedisOutageIT {

    static final RedisProxy PROXY = startProxy();

    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    HoldService holds;
    @Autowired
    AvailabilityService availability;
    @Autowired
    AvailabilityCache cache;
    @Autowired
    RedisGuard guard;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    JdbcClient jdbc;

    @TestConfiguration(proxyBeanMethods = false)
    static class ThroughProxy {
        @Bean
        DataRedisConnectionDetails throughProxy() {
            return PROXY.connectionDetails();
        }
    }

    @AfterAll
    static void closeProxy() throws IOException {
        PROXY.close();
    }

    @Test
    void holdsKeepWorkingWithoutRedisAndTheCacheRecoversWhenItReturns() throws Exception {
        OnSale sale = new BookingFixture(venues, events).onSale(2, 20, 50, 4, 4);
        UUID eventId = sale.event().id();
        assertThat(available(availability.sections(eventId))).containsEntry(sale.stalls().id(), 40)
                .containsEntry(sale.floor().id(), 50);

        PROXY.cut();
        List<Seat> seats = sale.seats();
        List<Outcome<Hold>> outcomes = Concurrently.run(100, i -> {
            int start = (i * 3) % (seats.size() - 2);
            return i % 4 == 0
                    ? holds.hold(UUID.randomUUID(), "buyer@test.boxoffice.dev", new HoldRequest.GeneralAdmission(eventId, sale.floor().id(), 1))
                    : holds.hold(UUID.randomUUID(), "buyer@test.boxoffice.dev", new HoldRequest.SpecificSeats(eventId,
                            seats.subList(start, start + 2).stream().map(Seat::id).toList()));
        });

        assertThat(guard.state()).as("the breaker opened").isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tag("name", "redis").tag("state", "open").gauge()
                .value()).as("the registry's breaker, exported as a metric").isEqualTo(1.0);
        List<Hold> won = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(SeatsUnavailable.class));
        assertThat(won.stream().filter(h -> h.items().getFirst().seatId() == null)).hasSize(25);
        assertThat(won.stream().flatMap(h -> h.items().stream()).map(i -> i.seatId()).filter(java.util.Objects::nonNull))
                .doesNotHaveDuplicates().isNotEmpty();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM hold_item i JOIN hold h ON h.id = i.hold_id WHERE h.event_id = ? AND i.seat_id IS NOT NULL
                GROUP BY i.seat_id HAVING count(*) > 1""").param(eventId).query(Long.class).list()).isEmpty();
        Map<UUID, Integer> truth = databaseCounts(eventId);
        assertThat(available(availability.sections(eventId))).as("served from the database while Redis is down")
                .isEqualTo(truth);

        PROXY.restore();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        Map<UUID, Integer> cached = Map.of();
        while (Instant.now().isBefore(deadline) && !truth.equals(cached)) {
            Thread.sleep(250);
            cached = cache.counts(eventId, Map.of(sale.stalls().id(), true, sale.floor().id(), false)).orElse(Map.of());
        }
        assertThat(cached).as("the Redis cache itself matches the database again").isEqualTo(truth);
        assertThat(guard.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        Hold afterwards = holds.hold(UUID.randomUUID(), "buyer@test.boxoffice.dev", new HoldRequest.GeneralAdmission(eventId, sale.floor().id(), 1));
        assertThat(afterwards.quantity()).isEqualTo(1);
        assertThat(cache.counts(eventId, Map.of(sale.stalls().id(), true, sale.floor().id(), false)).orElseThrow())
                .containsEntry(sale.floor().id(), truth.get(sale.floor().id()) - 1);
    }

    private Map<UUID, Integer> databaseCounts(UUID eventId) {
        Map<UUID, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT section_id, count(*)::int FROM event_seat WHERE event_id = ? AND status = 'AVAILABLE' GROUP BY section_id")
                .param(eventId).query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        jdbc.sql("SELECT section_id, sum(capacity - held - sold)::int FROM event_area WHERE event_id = ? GROUP BY section_id")
                .param(eventId).query((rs, n) -> counts.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return counts;
    }

    private static Map<UUID, Integer> available(List<SectionAvailability> sections) {
        Map<UUID, Integer> counts = new java.util.HashMap<>();
        sections.forEach(s -> counts.put(s.sectionId(), s.available()));
        return counts;
    }

    private static RedisProxy startProxy() {
        try {
            var redis = TestInfrastructure.get().redis();
            return new RedisProxy(redis.host(), redis.port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
