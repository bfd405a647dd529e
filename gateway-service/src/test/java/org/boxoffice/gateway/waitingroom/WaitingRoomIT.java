package org.boxoffice.gateway.waitingroom;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.boxoffice.gateway.waitingroom.PublishedRooms.Room;
import org.boxoffice.platform.admission.AdmissionPass;
import org.boxoffice.platform.admission.AdmissionPasses;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.MutableClock;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.boxoffice.gateway.waitingroom.GatewayClient.body;

/**
 * The waiting room on a real Redis, with a clock the test moves (admissions are rate × time) and the ticker driven by
 * hand: the draw of early arrivals and first come, first served after it; one place per account; leaving and
 * abandoning; passes checked on holds before they reach booking-service; organizers' controls; AUTO's rate.
 */
@IntegrationTest(properties = {
        "boxoffice.gateway.waiting-room.settings-cache-ttl=0s",
        // Queues of a few places stay under 5 × 30 s; the long-queue test has more.
        "boxoffice.gateway.waiting-room.poll-budget=5",
        "boxoffice.gateway.waiting-room.auto.adjust-interval=5s",
        // A loaded build machine: a slow answer from Redis must not read as Redis being down.
        "boxoffice.gateway.waiting-room.redis-timeout=10s", "spring.data.redis.timeout=10s",
        "boxoffice.gateway.edge.rate-limit.enabled=false" })
@Import(WaitingRoomIT.TestClock.class)
class WaitingRoomIT {

    static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    static final StandIn BOOKING = new StandIn(200);
    static final StandIn PAYMENTS = new StandIn(503);

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("BOXOFFICE_BOOKING_URL", BOOKING::url);
        registry.add("BOXOFFICE_PAYMENT_URL", PAYMENTS::url);
    }

    @AfterAll
    static void stopStandIns() {
        BOOKING.close();
        PAYMENTS.close();
    }

    @Value("${local.server.port}")
    int port;
    @Value("${local.management.port}")
    int managementPort;
    @Value("${boxoffice.waiting-room.pass-key}")
    String passKey;
    @Autowired
    ReactiveStringRedisTemplate redis;
    @Autowired
    AdmissionTicker ticker;

    GatewayClient gateway;

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
    }

    @Test
    void drawsTheOrderOfEarlyArrivalsWhenTheSaleOpensThenServesLaterArrivalsInTheOrderTheyCame() {
        Instant onSale = CLOCK.instant().plus(Duration.ofMinutes(10));
        Room room = PublishedRooms.publish(redis, Room.onSale(CLOCK.instant(), 600).opening(onSale));
        List<UUID> early = accounts(30);
        for (int i = 0; i < early.size(); i++) {
            HttpResponse<String> joined = gateway.join(TestTokens.buyer(early.get(i)), room.eventId());
            JsonNode place = body(joined, 200);
            assertThat(place.path("status").asString()).isEqualTo("EARLY");
            assertThat(place.path("earlyArrivals").asLong()).isEqualTo(i + 1);
            assertThat(Instant.parse(place.path("drawAt").asString())).isEqualTo(onSale);
            assertThat(joined.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(ticker.tick(room.eventId())).isFalse();
        assertThat(body(gateway.poll(TestTokens.buyer(early.getFirst()), room.eventId()), 200).path("status").asString())
                .as("nobody is let in before the sale opens").isEqualTo("EARLY");

        CLOCK.advance(Duration.ofMinutes(10).plusSeconds(1));
        List<UUID> late = accounts(10);
        for (int i = 0; i < late.size(); i++) {
            JsonNode place = body(gateway.join(TestTokens.buyer(late.get(i)), room.eventId()), 200);
            assertThat(place.path("status").asString()).isEqualTo("WAITING");
            assertThat(place.path("position").asLong()).as("after the draw, first come first served").isEqualTo(31 + i);
        }
        Map<UUID, Long> drawn = new HashMap<>();
        for (UUID account : early) {
            JsonNode place = body(gateway.poll(TestTokens.buyer(account), room.eventId()), 200);
            assertThat(place.path("status").asString()).isEqualTo("WAITING");
            assertThat(place.path("waiting").asLong()).isEqualTo(40);
            drawn.put(account, place.path("position").asLong());
        }
        assertThat(drawn.values()).as("the early arrivals hold the first 30 places")
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 30).boxed().toList());
        List<UUID> byPosition = early.stream().sorted(Comparator.comparing(drawn::get)).toList();
        assertThat(byPosition).as("drawn, not in the order they arrived (1 chance in 30! of failing)")
                .isNotEqualTo(early);

        CLOCK.advance(Duration.ofSeconds(1));
        ticker.tick(room.eventId());
        for (UUID account : byPosition.subList(0, 10)) {
            assertThat(body(gateway.poll(TestTokens.buyer(account), room.eventId()), 200).path("status").asString())
                    .as("600 per minute for one second: the first ten places").isEqualTo("ADMITTED");
        }
        assertThat(body(gateway.poll(TestTokens.buyer(byPosition.get(10)), room.eventId()), 200).path("position")
                .asLong()).isEqualTo(1);
        for (int second = 0; second < 2; second++) {
            CLOCK.advance(Duration.ofSeconds(1));
            ticker.tick(room.eventId());
        }
        for (UUID account : early) {
            assertThat(body(gateway.poll(TestTokens.buyer(account), room.eventId()), 200).path("status").asString())
                    .isEqualTo("ADMITTED");
        }
        assertThat(body(gateway.poll(TestTokens.buyer(late.getFirst()), room.eventId()), 200).path("position").asLong())
                .as("every early arrival before the first who came after the opening").isEqualTo(1);
        CLOCK.advance(Duration.ofSeconds(1));
        ticker.tick(room.eventId());
        for (UUID account : late) {
            assertThat(body(gateway.poll(TestTokens.buyer(account), room.eventId()), 200).path("status").asString())
                    .isEqualTo("ADMITTED");
        }
    }

    @Test
    void givesEachAccountOnePlaceEvenWhenItJoinsFromManyTabsAtOnce() throws Exception {
        Room room = PublishedRooms.publish(redis, Room.onSale(CLOCK.instant(), 60));
        UUID tabs = UUID.randomUUID();
        List<UUID> others = accounts(50);
        List<Future<HttpResponse<String>>> sameAccount = new ArrayList<>();
        List<Future<HttpResponse<String>>> distinct = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                sameAccount.add(callers.submit(() -> {
                    start.await();
                    return gateway.join(TestTokens.buyer(tabs), room.eventId());
                }));
            }
            for (UUID account : others) {
                distinct.add(callers.submit(() -> {
                    start.await();
                    return gateway.join(TestTokens.buyer(account), room.eventId());
                }));
            }
            start.countDown();
        }
        Set<Long> tabPositions = new HashSet<>();
        for (Future<HttpResponse<String>> tab : sameAccount) {
            tabPositions.add(body(tab.get(), 200).path("position").asLong());
        }
        List<Long> positions = new ArrayList<>(tabPositions);
        for (Future<HttpResponse<String>> other : distinct) {
            positions.add(body(other.get(), 200).path("position").asLong());
        }

        assertThat(tabPositions).as("twenty tabs of one account: one place").hasSize(1);
        assertThat(positions).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 51).boxed().toList());
        assertThat(body(gateway.poll(TestTokens.buyer(tabs), room.eventId()), 200).path("waiting").asLong()).isEqualTo(51);
    }

    @Test
    void aBuyerWhoLeavesFreesThePlaceAndOneWhoStopsPollingLosesItWhenTheirTurnComes() {
        Room room = PublishedRooms.publish(redis, Room.onSale(CLOCK.instant(), 120));
        List<UUID> abc = accounts(3);
        abc.forEach(account -> body(gateway.join(TestTokens.buyer(account), room.eventId()), 200));

        assertThat(gateway.leave(TestTokens.buyer(abc.get(1)), room.eventId()).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = gateway.poll(TestTokens.buyer(abc.get(1)), room.eventId());
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(body(gone, 404).path("type").asString()).isEqualTo("https://boxoffice.dev/problems/waiting-room-place-not-found");
        assertThat(gateway.leave(TestTokens.buyer(abc.get(1)), room.eventId()).statusCode())
                .as("leaving twice is harmless").isEqualTo(204);
        CLOCK.advance(Duration.ofSeconds(1));
        ticker.tick(room.eventId());
        assertThat(status(abc.get(0), room)).isEqualTo("ADMITTED");
        assertThat(status(abc.get(2), room)).as("the freed place cost no admission").isEqualTo("ADMITTED");

        List<UUID> de = accounts(2);
        de.forEach(account -> body(gateway.join(TestTokens.buyer(account), room.eventId()), 200));
        CLOCK.advance(Duration.ofMinutes(3));
        assertThat(status(de.get(1), room)).isEqualTo("WAITING");
        ticker.tick(room.eventId());
        assertThat(gateway.poll(TestTokens.buyer(de.get(0)), room.eventId()).statusCode())
                .as("silent for three minutes when their turn came: gone").isEqualTo(404);
        assertThat(status(de.get(1), room)).isEqualTo("ADMITTED");
    }

    @Test
    void aLongQueueIsToldToPollLessOftenAndABuyerWhoPollsAsToldKeepsTheirPlace() {
        Room room = PublishedRooms.publish(redis, Room.onSale(CLOCK.instant(), 60));
        String organizer = TestTokens.organizer(room.organizationId());
        body(gateway.admin("POST", "/pause", room.eventId(), organizer, null), 200);
        List<UUID> buyers = accounts(400);
        buyers.forEach(account -> body(gateway.join(TestTokens.buyer(account), room.eventId()), 200));
        UUID polite = buyers.getLast();
        UUID gone = buyers.get(buyers.size() - 2);

        JsonNode far = body(gateway.poll(TestTokens.buyer(polite), room.eventId()), 200);
        assertThat(far.path("pollAfterSeconds").asLong())
                .as("400 waiting, 5 polls a second for the queue: 80 s, beyond max-poll's 30 s").isEqualTo(80);
        body(gateway.admin("POST", "/resume", room.eventId(), organizer, null), 200);
        JsonNode first = body(gateway.poll(TestTokens.buyer(buyers.getFirst()), room.eventId()), 200);
        assertThat(first.path("pollAfterSeconds").asLong()).as("the front of the queue still asks often").isEqualTo(2);
        JsonNode back = body(gateway.poll(TestTokens.buyer(polite), room.eventId()), 200);
        assertThat(back.path("pollAfterSeconds").asLong())
                .as("a quarter of a 400 s wait, within the 80 s the queue's length allows").isEqualTo(80);

        // Silent for longer than idle-timeout (2 minutes), but never later than told: still there at their turn.
        CLOCK.advance(Duration.ofSeconds(80));
        body(gateway.poll(TestTokens.buyer(polite), room.eventId()), 200);
        CLOCK.advance(Duration.ofSeconds(80 + 60));
        body(gateway.admin("POST", "/admit-all", room.eventId(), TestTokens.admin(), null), 200);
        ticker.tick(room.eventId());
        assertThat(status(polite, room)).as("polled as told, 140 s of silence").isEqualTo("ADMITTED");
        assertThat(gateway.poll(TestTokens.buyer(gone), room.eventId()).statusCode())
                .as("told 80 s, silent 220 s: more than idle-timeout overdue, skipped").isEqualTo(404);
    }

    @Test
    void holdsForAnEventBehindAWaitingRoomReachBookingOnlyWithTheBuyersOwnPassForThatEvent() {
        Room room = PublishedRooms.publish(redis, Room.onSale(CLOCK.instant(), 60));
        Room other = PublishedRooms.publish(redis, Room.onSale(CLOCK.instant(), 60));
        UUID open = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        String token = TestTokens.buyer(buyer);

        assertThat(gateway.hold(token, open, null).statusCode()).as("an event without a waiting room").isEqualTo(201);
        HttpResponse<String> refused = gateway.hold(token, room.eventId(), null);
        assertThat(body(refused, 403).path("type").asString())
                .isEqualTo("https://boxoffice.dev/problems/waiting-room-pass-required");
        assertThat(body(refused, 403).path("waitingRoom").asString()).isEqualTo("/api/v1/waiting-room/events/" + room.eventId());

        body(gateway.join(token, room.eventId()), 200);
        CLOCK.advance(Duration.ofSeconds(1));
        ticker.tick(room.eventId());
        JsonNode admitted = body(gateway.poll(token, room.eventId()), 200);
        assertThat(admitted.path("status").asString()).isEqualTo("ADMITTED");
        assertThat(admitted.path("passHeader").asString()).isEqualTo(AdmissionPass.HEADER);
        assertThat(Instant.parse(admitted.path("passExpiresAt").asString()))
                .isEqualTo(Instant.ofEpochMilli(CLOCK.millis()).plus(Duration.ofMinutes(10)));
        String pass = admitted.path("pass").asString();
        assertThat(body(gateway.poll(token, room.eventId()), 200).path("pass").asString())
                .as("asking again gives the same pass").isEqualTo(pass);

        assertThat(gateway.hold(token, room.eventId(), pass).statusCode()).isEqualTo(201);
        assertThat(gateway.hold(token, room.eventId(), pass).statusCode()).as("usable again while it lasts").isEqualTo(201);
        assertRefused(gateway.hold(TestTokens.buyer(), room.eventId(), pass), "other-account");
        assertRefused(gateway.hold(token, other.eventId(), pass), "other-event");
        assertRefused(gateway.hold(token, room.eventId(), new AdmissionPasses("somebody-elses-key-0123456789abcdef", null)
                .sign(new AdmissionPass(buyer, room.eventId(), CLOCK.instant().plusSeconds(600)))), "unknown-key");
        String[] parts = pass.split("\\.");
        parts[4] = Long.toString(Long.parseLong(parts[4]) + 3_600);
        assertRefused(gateway.hold(token, room.eventId(), String.join(".", parts)), "bad-signature");
        assertThat(BOOKING.holds(room.eventId())).as("only the two holds with a good pass reached booking-service")
                .hasSize(2).allSatisfy(received -> assertThat(received.pass()).isEqualTo(pass));
        assertThat(BOOKING.holds(other.eventId())).isEmpty();

        CLOCK.advance(Duration.ofMinutes(10));
        assertRefused(gateway.hold(token, room.eventId(), pass), "expired");
        assertThat(gateway.poll(token, room.eventId()).statusCode()).as("an expired pass is no place").isEqualTo(404);
        assertThat(body(gateway.join(token, room.eventId()), 200).path("status").asString())
                .as("joining again means the back of the queue (60 a minute, the one owed already used)")
                .isEqualTo("WAITING");
        assertThat(new GatewayClient(managementPort).send("GET", "/actuator/prometheus", null, null, null).body())
                .contains("boxoffice_waiting_room_passes_checked_total").contains("outcome=\"other-account\"")
                .contains("boxoffice_waiting_room_admitted_total{").contains("boxoffice_waiting_room_waiting{");
    }

    @Test
    void organizersSeeAndSteerTheQueuesOfTheirOwnEventsOnly() {
        Room room = PublishedRooms.publish(redis, Room.onSale(CLOCK.instant(), 60));
        String organizer = TestTokens.organizer(room.organizationId());
        List<UUID> buyers = accounts(5);
        buyers.forEach(account -> body(gateway.join(TestTokens.buyer(account), room.eventId()), 200));

        assertThat(gateway.admin("GET", "", room.eventId(), TestTokens.buyer(), null).statusCode()).isEqualTo(403);
        HttpResponse<String> foreign = gateway.admin("GET", "", room.eventId(), TestTokens.organizer(UUID.randomUUID()), null);
        assertThat(body(foreign, 404).path("type").asString()).isEqualTo("https://boxoffice.dev/problems/waiting-room-not-found");
        JsonNode view = body(gateway.admin("GET", "", room.eventId(), organizer, null), 200);
        assertThat(view.path("state").asString()).isEqualTo("OPEN");
        assertThat(view.path("waiting").asLong()).isEqualTo(5);
        assertThat(view.path("joined").asLong()).isEqualTo(5);
        assertThat(view.path("mode").asString()).isEqualTo("FIXED");
        assertThat(view.path("ratePerMinute").asInt()).isEqualTo(60);

        assertThat(body(gateway.admin("POST", "/pause", room.eventId(), organizer, null), 200).path("state").asString())
                .isEqualTo("PAUSED");
        CLOCK.advance(Duration.ofSeconds(10));
        ticker.tick(room.eventId());
        JsonNode paused = body(gateway.poll(TestTokens.buyer(buyers.getFirst()), room.eventId()), 200);
        assertThat(paused.path("status").asString()).as("paused: nobody let in").isEqualTo("WAITING");
        assertThat(paused.path("paused").asBoolean()).isTrue();
        assertThat(paused.has("estimatedWaitSeconds")).isFalse();

        body(gateway.admin("POST", "/resume", room.eventId(), organizer, null), 200);
        JsonNode faster = body(gateway.admin("PUT", "/rate", room.eventId(), organizer, "{\"ratePerMinute\":120}"), 200);
        assertThat(faster.path("ratePerMinute").asInt()).isEqualTo(120);
        CLOCK.advance(Duration.ofSeconds(1));
        ticker.tick(room.eventId());
        JsonNode afterOneSecond = body(gateway.admin("GET", "", room.eventId(), organizer, null), 200);
        assertThat(afterOneSecond.path("admitted").asLong()).as("120 per minute for one second").isEqualTo(2);
        assertThat(afterOneSecond.path("admittedLastMinute").asLong()).isEqualTo(2);
        assertThat(afterOneSecond.path("medianWaitSeconds").asLong()).isEqualTo(11);

        assertThat(body(gateway.admin("POST", "/admit-all", room.eventId(), TestTokens.admin(), null), 200)
                .path("state").asString()).isEqualTo("EVERYONE_IN");
        ticker.tick(room.eventId());
        buyers.forEach(account -> assertThat(status(account, room)).isEqualTo("ADMITTED"));
        assertThat(body(gateway.join(TestTokens.buyer(), room.eventId()), 200).path("status").asString())
                .as("with everyone let in, a newcomer is in at once").isEqualTo("ADMITTED");

        HttpResponse<String> invalid = gateway.admin("PUT", "/rate", room.eventId(), organizer, "{\"ratePerMinute\":0}");
        assertThat(body(invalid, 400).path("type").asString()).isEqualTo("https://boxoffice.dev/problems/validation-failed");
        assertThat(gateway.admin("PUT", "/rate", room.eventId(), organizer, "{}").statusCode()).isEqualTo(400);
        assertThat(gateway.join(TestTokens.buyer(), UUID.randomUUID()).statusCode())
                .as("an event without a waiting room").isEqualTo(404);
    }

    @Test
    void autoModeBacksOffWhileServicesFailAndClimbsAgainWhenTheyAreHealthy() throws Exception {
        Room room = PublishedRooms.publish(redis, Room.onSale(CLOCK.instant(), 300).auto(300, 60, 1_200));
        String organizer = TestTokens.organizer(room.organizationId());
        // Enough buyers that some still wait after the 7 s the clock moves below (about 25 let in).
        accounts(40).forEach(account -> body(gateway.join(TestTokens.buyer(account), room.eventId()), 200));
        String token = TestTokens.buyer();
        concurrently(30, () -> gateway.send("POST", "/api/v1/payments/ping", token, "{}", null));

        CLOCK.advance(Duration.ofSeconds(1));
        ticker.tick(room.eventId());
        assertThat(body(gateway.admin("GET", "", room.eventId(), organizer, null), 200).path("ratePerMinute").asInt())
                .as("30 requests failed: 300 x 0.7").isEqualTo(210);

        // The next interval: the failures are out of the window (the signals read the same clock), and the turn to
        // adjust, kept in Redis with a real expiry, is free again.
        Thread.sleep(5_200);
        CLOCK.advance(Duration.ofMillis(5_200));
        concurrently(30, () -> gateway.send("GET", "/api/v1/events/healthy", null, null, null));
        CLOCK.advance(Duration.ofSeconds(1));
        ticker.tick(room.eventId());
        JsonNode view = body(gateway.admin("GET", "", room.eventId(), organizer, null), 200);
        assertThat(view.path("ratePerMinute").asInt()).as("healthy with buyers waiting: + 30").isEqualTo(240);
        assertThat(view.path("mode").asString()).isEqualTo("AUTO");
        assertThat(new GatewayClient(managementPort).send("GET", "/actuator/prometheus", null, null, null).body())
                .contains("boxoffice_waiting_room_rate_adjustments_total").contains("verdict=\"overloaded\"");
    }

    private static void concurrently(int calls, Runnable call) throws InterruptedException {
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < calls; i++) {
                callers.submit(call);
            }
        }
    }

    private String status(UUID account, Room room) {
        return body(gateway.poll(TestTokens.buyer(account), room.eventId()), 200).path("status").asString();
    }

    private static void assertRefused(HttpResponse<String> response, String reason) {
        JsonNode problem = body(response, 403);
        assertThat(problem.path("type").asString()).isEqualTo("https://boxoffice.dev/problems/waiting-room-pass-invalid");
        assertThat(problem.path("reason").asString()).isEqualTo(reason);
    }

    private static List<UUID> accounts(int count) {
        return IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).collect(Collectors.toList());
    }
}
