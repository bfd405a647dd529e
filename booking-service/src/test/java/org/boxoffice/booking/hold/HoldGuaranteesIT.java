package org.boxoffice.booking.hold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.Concurrently;
import org.boxoffice.booking.Concurrently.Outcome;
import org.boxoffice.booking.availability.AvailabilityCache;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.system.BookingProperties;
import org.boxoffice.booking.venue.Seat;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The booking guarantees, on the real Postgres and Redis, with real concurrency. */
@IntegrationTest
class HoldGuaranteesIT {

    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    HoldService holds;
    @Autowired
    HoldFence fence;
    @Autowired
    Holds holdStore;
    @Autowired
    HoldReleaser releaser;
    @Autowired
    AvailabilityCache cache;
    @Autowired
    RedissonClient redisson;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    BookingProperties properties;
    @Autowired
    MeterRegistry meters;

    BookingFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new BookingFixture(venues, events);
    }

    @Test
    void hundredsOfBuyersFightingOverOverlappingSeatsNeverShareASeat() throws Exception {
        OnSale sale = fixture.onSale(2, 20, 10, 4, 4);
        List<Seat> seats = sale.seats();

        // 300 buyers, each wanting 2-4 consecutive seats starting somewhere in the same 40 seats.
        List<Outcome<Hold>> outcomes = Concurrently.run(300, i -> {
            int count = 2 + i % 3;
            int start = (i * 7) % (seats.size() - count);
            return holds.hold(UUID.randomUUID(), "buyer@test.boxoffice.dev", new HoldRequest.SpecificSeats(sale.event().id(),
                    seats.subList(start, start + count).stream().map(Seat::id).toList()));
        });

        assertThat(outcomes).allSatisfy(outcome -> {
            if (!outcome.succeeded()) {
                assertThat(outcome.failure()).isInstanceOf(SeatsUnavailable.class);
            }
        });
        List<Hold> won = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
        assertThat(won).isNotEmpty();
        List<UUID> heldSeats = won.stream().flatMap(h -> h.items().stream()).map(HoldItem::seatId).toList();
        assertThat(heldSeats).doesNotHaveDuplicates();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM hold_item i JOIN hold h ON h.id = i.hold_id
                 WHERE h.event_id = ? AND h.status = 'ACTIVE' GROUP BY i.seat_id HAVING count(*) > 1""")
                .param(sale.event().id()).query(Long.class).list()).isEmpty();
        Map<UUID, UUID> seatToHold = jdbc.sql("SELECT seat_id, hold_id FROM event_seat WHERE event_id = ? AND status = 'HELD'")
                .param(sale.event().id()).query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Map<UUID, Hold> byId = won.stream().collect(Collectors.toMap(Hold::id, Function.identity()));
        assertThat(seatToHold).hasSize(heldSeats.size());
        won.forEach(hold -> hold.items().forEach(item -> assertThat(seatToHold.get(item.seatId())).isEqualTo(hold.id())));
        assertThat(byId).hasSize(won.size());
    }

    @Test
    void concurrentBestAvailableBuyersSpreadOverTheSectionAndEachGetsAdjacentSeats() throws Exception {
        OnSale sale = fixture.onSale(2, 20, 10, 4, 4);
        Map<UUID, Seat> seatsById = sale.seats().stream().collect(Collectors.toMap(Seat::id, Function.identity()));

        // 30 buyers at once, 2 seats each, for 40 seats: all 20 pairs must go, none twice, every pair side by side.
        List<Outcome<Hold>> outcomes = Concurrently.run(30, i -> holds.hold(UUID.randomUUID(),
                "buyer@test.boxoffice.dev", new HoldRequest.BestAvailable(sale.event().id(), sale.stalls().id(), 2)));

        List<Hold> won = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
        assertThat(won).hasSize(20);
        assertThat(outcomes.stream().filter(o -> !o.succeeded())).allSatisfy(o ->
                assertThat(o.failure()).isInstanceOfAny(CapacityExceeded.class, SeatsUnavailable.class));
        List<UUID> heldSeats = won.stream().flatMap(h -> h.items().stream()).map(HoldItem::seatId).toList();
        assertThat(heldSeats).hasSize(40).doesNotHaveDuplicates();
        won.forEach(hold -> {
            List<Seat> pair = hold.items().stream().map(item -> seatsById.get(item.seatId())).toList();
            assertThat(pair.get(0).row()).isEqualTo(pair.get(1).row());
            assertThat(Math.abs(pair.get(0).number() - pair.get(1).number())).isEqualTo(1);
        });
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat WHERE event_id = ? AND status = 'HELD'")
                .param(sale.event().id()).query(Long.class).single()).isEqualTo(40);
    }

    @Test
    void bestAvailableTakesTheNearestRowsFirstAndSkipsTakenSeats() {
        OnSale sale = fixture.onSale(3, 10, 10, 6, 12);
        List<Seat> seats = sale.seats();
        // Row 1 is taken but for two single seats: no pair there, so the pair comes from row 2, from its start.
        List<UUID> row1 = seats.subList(0, 10).stream().map(Seat::id).toList();
        holds.hold(UUID.randomUUID(), "buyer@test.boxoffice.dev", new HoldRequest.SpecificSeats(sale.event().id(),
                List.of(row1.get(0), row1.get(1), row1.get(3), row1.get(4), row1.get(5))));
        holds.hold(UUID.randomUUID(), "buyer@test.boxoffice.dev", new HoldRequest.SpecificSeats(sale.event().id(),
                List.of(row1.get(7), row1.get(8), row1.get(9))));

        Hold pair = holds.hold(UUID.randomUUID(), "buyer@test.boxoffice.dev",
                new HoldRequest.BestAvailable(sale.event().id(), sale.stalls().id(), 2));

        assertThat(pair.items()).extracting(HoldItem::seatId).containsExactly(seats.get(10).id(), seats.get(11).id());
    }

    @Test
    void oneBuyersReleasesAndNewHoldsOnOneAreaAtTheSameTimeNeverDeadlock() throws Exception {
        // A release took the area row before the buyer's allowance row, a hold the other way round: under the
        // benchmark one of them was answered 500 "deadlock detected". Both now take the allowance first.
        OnSale sale = fixture.onSale(1, 1, 500, 4, 1_000);
        UUID buyer = UUID.randomUUID();
        List<Hold> placed = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            placed.add(holds.hold(buyer, "buyer@test.boxoffice.dev",
                    new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(), 2)));
        }

        List<Outcome<Hold>> outcomes = Concurrently.run(120, i -> i % 2 == 0
                ? holds.release(buyer, placed.get(i / 2).id())
                : holds.hold(buyer, "buyer@test.boxoffice.dev",
                        new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(), 2)));

        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure()).isNull());
        assertThat(jdbc.sql("SELECT sum(held)::int FROM event_area WHERE event_id = ?").param(sale.event().id())
                .query(Integer.class).single()).isEqualTo(120);
        assertThat(jdbc.sql("SELECT tickets FROM buyer_allowance WHERE event_id = ? AND buyer_id = ?")
                .params(sale.event().id(), buyer).query(Integer.class).single()).isEqualTo(120);
    }

    @Test
    void aThousandRequestsForAHundredGeneralAdmissionTicketsHoldExactlyAHundred() throws Exception {
        OnSale sale = fixture.onSale(1, 1, 100, 4, 4);

        List<Outcome<Hold>> outcomes = Concurrently.run(1_000, i -> holds.hold(UUID.randomUUID(), "buyer@test.boxoffice.dev",
                new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(), 1)));

        assertThat(outcomes.stream().filter(Outcome::succeeded).count()).isEqualTo(100);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(CapacityExceeded.class));
        assertThat(jdbc.sql("SELECT sum(held)::int FROM event_area WHERE event_id = ?").param(sale.event().id())
                .query(Integer.class).single()).isEqualTo(100);
        assertThat(jdbc.sql("SELECT sum(quantity) FROM hold WHERE event_id = ? AND status = 'ACTIVE'")
                .param(sale.event().id()).query(Integer.class).single()).isEqualTo(100);
    }

    @Test
    void aLockWhoseLeaseRanOutCannotSellTheSeatsAgain() throws Exception {
        OnSale sale = fixture.onSale(1, 10, 10, 4, 4);
        List<UUID> wanted = sale.seatIds(0, 3);
        UUID slowBuyer = UUID.randomUUID();
        Map<UUID, UUID> sections = wanted.stream().collect(Collectors.toMap(id -> id, id -> sale.stalls().id()));

        // The slow buyer takes the seats' locks with a short lease and stalls (a GC pause) past it.
        CountDownLatch leaseExpired = new CountDownLatch(1);
        Thread slow = Thread.ofVirtual().start(() -> {
            RLock lock = SeatLocks.lock(redisson, sale.event().id(), wanted);
            try {
                assertThat(lock.tryLock(0, 200, TimeUnit.MILLISECONDS)).isTrue();
                Thread.sleep(400);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            leaseExpired.countDown();
        });
        leaseExpired.await();
        slow.join();

        // Meanwhile a second buyer takes the now free locks and holds the seats.
        Hold winner = holds.hold(UUID.randomUUID(), "buyer@test.boxoffice.dev", new HoldRequest.SpecificSeats(sale.event().id(), wanted));

        // The slow buyer wakes up believing it still holds the lock and runs its transaction: the fence refuses.
        assertThatThrownBy(() -> fence.holdSeats(sale.event(), slowBuyer, "slow@test.boxoffice.dev", wanted, sections, null, Instant.now()))
                .isInstanceOf(SeatsUnavailable.class)
                .satisfies(e -> assertThat(((SeatsUnavailable) e).properties().get("seatIds"))
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                        .containsExactlyInAnyOrderElementsOf(wanted));
        assertThat(jdbc.sql("SELECT DISTINCT hold_id FROM event_seat WHERE seat_id = ANY(?)")
                .param(wanted.toArray(UUID[]::new)).query(UUID.class).list()).containsExactly(winner.id());
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE buyer_id = ?").param(slowBuyer).query(Long.class)
                .single()).as("the loser's hold was rolled back").isZero();
    }

    @Test
    void contendersThatBypassTheLockAreStillFencedToOneWinner() throws Exception {
        OnSale sale = fixture.onSale(1, 10, 10, 4, 4);
        List<UUID> wanted = sale.seatIds(2, 4);
        Map<UUID, UUID> sections = wanted.stream().collect(Collectors.toMap(id -> id, id -> sale.stalls().id()));

        // Lock lost for everyone (Redis down, breaker open): 50 contenders go straight to the database.
        List<Outcome<HoldFence.Taken>> outcomes = Concurrently.run(50, i ->
                fence.holdSeats(sale.event(), UUID.randomUUID(), "buyer@test.boxoffice.dev", i % 2 == 0 ? wanted : wanted.reversed(), sections,
                        null, Instant.now()));

        assertThat(outcomes.stream().filter(Outcome::succeeded).count()).isEqualTo(1);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOfAny(SeatsUnavailable.class,
                        org.springframework.dao.PessimisticLockingFailureException.class));
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE event_id = ?").param(sale.event().id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void oneBuyerFiringTwentyParallelHoldsCannotExceedThePerBuyerLimit() throws Exception {
        OnSale sale = fixture.onSale(2, 20, 100, 2, 5);
        UUID buyer = UUID.randomUUID();

        List<Outcome<Hold>> outcomes = Concurrently.run(20, i -> holds.hold(buyer, "buyer@test.boxoffice.dev", i % 2 == 0
                ? new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(), 1)
                : new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(i * 2 % 38, 2))));

        int held = outcomes.stream().filter(Outcome::succeeded).mapToInt(o -> o.value().quantity()).sum();
        assertThat(held).isLessThanOrEqualTo(5).isGreaterThanOrEqualTo(4);
        assertThat(outcomes.stream().filter(o -> !o.succeeded()))
                .allSatisfy(o -> assertThat(o.failure()).isInstanceOf(TicketLimitExceeded.class));
        assertThat(jdbc.sql("SELECT coalesce(sum(quantity), 0) FROM hold WHERE buyer_id = ? AND status = 'ACTIVE'")
                .param(buyer).query(Integer.class).single()).isEqualTo(held);
        assertThat(jdbc.sql("SELECT tickets FROM buyer_allowance WHERE buyer_id = ?").param(buyer)
                .query(Integer.class).single()).isEqualTo(held);
        assertThatThrownBy(() -> holds.hold(UUID.randomUUID(), "buyer@test.boxoffice.dev", new HoldRequest.GeneralAdmission(sale.event().id(),
                sale.floor().id(), 3))).isInstanceOf(TicketLimitExceeded.class)
                .satisfies(e -> assertThat(((TicketLimitExceeded) e).properties()).containsEntry("rule", "PER_ORDER"));
    }

    @Test
    void twoSweepersReleaseEveryExpiredHoldExactlyOnce() throws Exception {
        OnSale sale = fixture.onSale(4, 25, 200, 4, 4);
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(11));
        List<UUID> expired = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expired.add(fence.holdSeats(sale.event(), UUID.randomUUID(), "buyer@test.boxoffice.dev", List.of(sale.seats().get(i).id()),
                    Map.of(sale.seats().get(i).id(), sale.stalls().id()), null, longAgo).hold().id());
            expired.add(fence.holdArea(sale.event(), UUID.randomUUID(), "buyer@test.boxoffice.dev", sale.floor().id(), 2, null, longAgo).hold().id());
        }
        HoldSweeper first = new HoldSweeper(transactions, holdStore, releaser, cache, Clock.systemUTC(), properties, meters);
        HoldSweeper second = new HoldSweeper(transactions, holdStore, releaser, cache, Clock.systemUTC(), properties, meters);

        List<Outcome<Integer>> sweeps = Concurrently.run(2, i -> (i == 0 ? first : second).sweep());

        // A second release of any hold would drive the area's held count or a buyer's allowance below zero: the
        // CHECK constraints would fail that sweeper's transaction, and the counts below would not be zero.
        assertThat(sweeps).allMatch(Outcome::succeeded);
        assertThat(sweeps.stream().mapToInt(Outcome::value).sum())
                .as("other replicas' scheduled sweepers may take some, never more than there were")
                .isLessThanOrEqualTo(expired.size());
        // The context's own scheduled sweeper may still be committing a batch it claimed while the holds were being
        // placed (the two sweepers above skip its locked rows and finish first): wait for it, then count.
        Instant deadline = Instant.now().plusSeconds(10);
        while (expiredHolds(sale) < expired.size() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(expiredHolds(sale)).isEqualTo(expired.size());
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat WHERE event_id = ? AND status <> 'AVAILABLE'")
                .param(sale.event().id()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT sum(held)::int FROM event_area WHERE event_id = ?").param(sale.event().id())
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT DISTINCT tickets FROM buyer_allowance WHERE event_id = ?")
                .param(sale.event().id()).query(Integer.class).list()).containsExactly(0);
    }

    private long expiredHolds(OnSale sale) {
        return jdbc.sql("SELECT count(*) FROM hold WHERE event_id = ? AND status = 'EXPIRED'")
                .param(sale.event().id()).query(Long.class).single();
    }

    @Test
    void holdsExpireOnTimeWithoutAnyoneAsking() throws Exception {
        OnSale sale = fixture.onSale(1, 5, 10, 4, 4);
        UUID seat = sale.seats().getFirst().id();
        // Created so that it expires two seconds from now.
        Instant created = Instant.now().minus(sale.event().holdDuration()).plusSeconds(2);
        Hold hold = fence.holdSeats(sale.event(), UUID.randomUUID(), "buyer@test.boxoffice.dev", List.of(seat), Map.of(seat, sale.stalls().id()),
                null, created).hold();

        Instant deadline = hold.expiresAt().plus(properties.sweepInterval()).plusSeconds(3);
        String status = "HELD";
        while (Instant.now().isBefore(deadline) && !"AVAILABLE".equals(status)) {
            Thread.sleep(100);
            status = jdbc.sql("SELECT status FROM event_seat WHERE seat_id = ?").param(seat).query(String.class).single();
        }
        assertThat(status).isEqualTo("AVAILABLE");
        assertThat(Instant.now()).isAfterOrEqualTo(hold.expiresAt());
        assertThat(holdStore.find(hold.id()).orElseThrow().status()).isEqualTo(HoldStatus.EXPIRED);
    }
}
