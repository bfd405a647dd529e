package org.boxoffice.booking.waitlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.booking.BookingHttp.ok;
import static org.boxoffice.booking.BookingHttp.problem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.BookingHttp;
import org.boxoffice.booking.Concurrently;
import org.boxoffice.booking.Concurrently.Outcome;
import org.boxoffice.booking.availability.AvailabilityCache;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldRequest;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.hold.SeatsUnavailable;
import org.boxoffice.booking.order.Cancellations;
import org.boxoffice.booking.order.Checkout;
import org.boxoffice.booking.order.Order;
import org.boxoffice.booking.order.OrderStatus;
import org.boxoffice.booking.system.BookingProperties;
import org.boxoffice.booking.ticket.UsedTickets;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * The sold-out waiting list on a real PostgreSQL and Redis (docs/commerce.md): the organizer's setting and figures,
 * joining only when sold out, tickets given back offered in line order and held for the offered buyer alone, a claim
 * into a hold, unclaimed offers passing on exactly once with two sweepers, racing give-backs, a claim racing a
 * leave, refunded tickets, and a cancelled event.
 */
@IntegrationTest
class WaitingListIT {

    static final String EMAIL = "buyer@test.boxoffice.dev";

    @Value("${local.server.port}")
    int port;
    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    HoldService holds;
    @Autowired
    Checkout checkout;
    @Autowired
    Cancellations cancellations;
    @Autowired
    WaitingListService lists;
    @Autowired
    WaitingListAdmin admin;
    @Autowired
    WaitingListStatements statements;
    @Autowired
    Offers offers;
    @Autowired
    LineRepair repair;
    @Autowired
    AvailabilityCache cache;
    @Autowired
    BookingProperties properties;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;

    OnSale sale(int rows, int seatsPerRow, int area, int maxPerOrder, int maxPerBuyer) {
        OnSale sale = new BookingFixture(venues, events).onSale(rows, seatsPerRow, area, maxPerOrder, maxPerBuyer);
        admin.configure(BookingFixture.ANY_ORGANIZATION, sale.event().id(), true, 10);
        return sale;
    }

    Hold holdArea(OnSale sale, UUID buyer, int quantity) {
        return holds.hold(buyer, EMAIL, new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(), quantity));
    }

    Hold holdSeats(OnSale sale, UUID buyer, List<UUID> seats) {
        return holds.hold(buyer, EMAIL, new HoldRequest.SpecificSeats(sale.event().id(), seats));
    }

    @Test
    void theOrganizerTurnsTheListOnAndBuyersJoinOnlyASoldOutSectionOnceAndSeeTheirPlace() throws Exception {
        OnSale sale = new BookingFixture(venues, events).onSale(1, 4, 2, 3, 6);
        BookingHttp http = new BookingHttp(port);
        String organizer = TestTokens.organizer(sale.organizationId());
        String base = "/api/v1/admin/events/" + sale.event().id() + "/waiting-list";
        UUID firstId = UUID.randomUUID();
        String first = TestTokens.buyer(firstId);
        String join = """
                {"eventId":"%s","sectionId":"%s","quantity":%d}""";

        assertThat(ok(200, http.get(base, organizer)).path("enabled").asBoolean()).isFalse();
        assertThat(problem(409, http.post("/api/v1/waiting-lists", first, null,
                join.formatted(sale.event().id(), sale.floor().id(), 1)))).isEqualTo("waiting-list-closed");
        assertThat(http.put(base, organizer, """
                {"enabled":true,"claimMinutes":0}""").statusCode()).isEqualTo(400);
        assertThat(http.put(base, TestTokens.organizer(UUID.randomUUID()), """
                {"enabled":true,"claimMinutes":5}""").statusCode()).isEqualTo(404);
        JsonNode on = ok(200, http.put(base, organizer, """
                {"enabled":true,"claimMinutes":5}"""));
        assertThat(on.path("enabled").asBoolean()).isTrue();
        assertThat(on.path("claimMinutes").asInt()).isEqualTo(5);

        // Two floor tickets left: nobody lines up for one or two of them, and nobody for more than one order's worth.
        assertThat(problem(409, http.post("/api/v1/waiting-lists", first, null,
                join.formatted(sale.event().id(), sale.floor().id(), 2)))).isEqualTo("tickets-available");
        assertThat(problem(422, http.post("/api/v1/waiting-lists", first, null,
                join.formatted(sale.event().id(), sale.floor().id(), 4)))).isEqualTo("ticket-limit-exceeded");
        assertThat(problem(404, http.post("/api/v1/waiting-lists", first, null,
                join.formatted(sale.event().id(), UUID.randomUUID(), 1)))).isEqualTo("section-not-found");
        assertThat(http.post("/api/v1/waiting-lists", first, null, """
                {"eventId":"%s","sectionId":"%s"}""".formatted(sale.event().id(), sale.floor().id())).statusCode())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM waiting_list_entry WHERE event_id = ?").param(sale.event().id())
                .query(Long.class).single()).as("refused joins leave nothing").isZero();

        holdArea(sale, UUID.randomUUID(), 2);
        JsonNode place = ok(201, http.post("/api/v1/waiting-lists", first, UUID.randomUUID().toString(),
                join.formatted(sale.event().id(), sale.floor().id(), 2)));
        assertThat(place.path("status").asString()).isEqualTo("WAITING");
        assertThat(place.path("position").asLong()).isEqualTo(1);
        assertThat(problem(409, http.post("/api/v1/waiting-lists", first, null,
                join.formatted(sale.event().id(), sale.floor().id(), 1)))).isEqualTo("already-waiting");
        String secondToken = TestTokens.buyer(UUID.randomUUID());
        JsonNode second = ok(201, http.post("/api/v1/waiting-lists", secondToken, null,
                join.formatted(sale.event().id(), sale.floor().id(), 1)));
        assertThat(second.path("position").asLong()).isEqualTo(2);

        String entry = "/api/v1/waiting-lists/" + place.path("id").asString();
        assertThat(problem(404, http.get(entry, secondToken))).isEqualTo("waiting-list-entry-not-found");
        assertThat(problem(409, http.post(entry + "/claim", first, null, ""))).isEqualTo("offer-not-open");
        assertThat(ok(200, http.get("/api/v1/waiting-lists?eventId=" + sale.event().id(), first)).path("items")
                .size()).isEqualTo(1);
        assertThat(ok(200, BookingHttp.send(http.request(entry, first).DELETE())).path("status").asString())
                .isEqualTo("LEFT");
        assertThat(ok(200, http.get("/api/v1/waiting-lists/" + second.path("id").asString(), secondToken))
                .path("position").asLong()).as("the second moves up when the first leaves").isEqualTo(1);

        JsonNode figures = ok(200, http.get(base, organizer));
        assertThat(figures.path("total").path("waiting").asLong()).isEqualTo(1);
        assertThat(figures.path("sections").get(0).path("sectionId").asString()).isEqualTo(sale.floor().id().toString());
    }

    @Test
    void aReleasedHoldsSeatsGoToTheFirstInLineWhoseQuantityFitsHeldForThemAloneUntilTheyClaimThem() throws Exception {
        OnSale sale = sale(1, 4, 10, 4, 4);
        UUID eventId = sale.event().id();
        UUID sectionId = sale.stalls().id();
        Hold released = holdSeats(sale, UUID.randomUUID(), sale.seatIds(0, 2));
        holdSeats(sale, UUID.randomUUID(), sale.seatIds(2, 2));
        UUID wantsThree = UUID.randomUUID();
        UUID wantsTwo = UUID.randomUUID();
        Entry three = lists.join(wantsThree, EMAIL, eventId, sectionId, 3);
        Entry two = lists.join(wantsTwo, EMAIL, eventId, sectionId, 2);

        holds.release(released.buyerId(), released.id());

        Entry offered = lists.get(wantsTwo, two.id());
        assertThat(offered.status()).isEqualTo(EntryStatus.OFFERED);
        assertThat(offered.offer().seatIds()).containsExactlyInAnyOrderElementsOf(sale.seatIds(0, 2));
        assertThat(lists.get(wantsThree, three.id()).position()).as("three do not fit in two: keeps its place")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat WHERE event_id = ? AND hold_id = ? AND status = 'HELD'")
                .params(eventId, offered.offer().id()).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE type = 'WaitingListOffered' AND event_key = ?")
                .param(offered.offer().id().toString()).query(Long.class).single()).isEqualTo(1);
        // Exactly like a held seat: nobody else holds it, however they ask.
        assertThatThrownBy(() -> holdSeats(sale, UUID.randomUUID(), sale.seatIds(0, 1)))
                .isInstanceOf(SeatsUnavailable.class);
        assertThat(problem(404, new BookingHttp(port).post("/api/v1/waiting-lists/" + two.id() + "/claim",
                TestTokens.buyer(wantsThree), null, ""))).as("another buyer's place does not exist for them")
                .isEqualTo("waiting-list-entry-not-found");

        Hold claimed = lists.claim(wantsTwo, EMAIL, two.id());
        assertThat(claimed.claim().seatIds()).containsExactlyInAnyOrderElementsOf(sale.seatIds(0, 2));
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat WHERE event_id = ? AND hold_id = ? AND status = 'HELD'")
                .params(eventId, claimed.id()).query(Long.class).single()).isEqualTo(2);
        assertThat(lists.get(wantsTwo, two.id()).offer().status()).isEqualTo(OfferStatus.CLAIMED);
        assertThatThrownBy(() -> lists.claim(wantsTwo, EMAIL, two.id())).isInstanceOf(OfferNotOpen.class);
        Order order = checkout.checkout(wantsTwo, claimed.id());
        assertThat(order.status()).isEqualTo(OrderStatus.PENDING_PAYMENT);
        assertThat(admin.overview(BookingFixture.ANY_ORGANIZATION, eventId).total().claimed()).isEqualTo(1);
    }

    @Test
    void anUnclaimedOfferPassesToTheNextInLineExactlyOnceEvenWithTwoSweepers() throws Exception {
        OnSale sale = sale(1, 2, 20, 2, 2);
        UUID eventId = sale.event().id();
        UUID area = sale.floor().id();
        List<Hold> sold = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sold.add(holdArea(sale, UUID.randomUUID(), 2));
        }
        for (int i = 0; i < 30; i++) {
            lists.join(UUID.randomUUID(), EMAIL, eventId, area, 1);
        }
        sold.forEach(hold -> holds.release(hold.buyerId(), hold.id()));
        assertThat(offersIn(eventId, "OPEN")).isEqualTo(20);
        jdbc.sql("UPDATE waiting_list_offer SET expires_at = now() - interval '1 minute' WHERE event_id = ?")
                .param(eventId).update();
        OfferSweeper first = new OfferSweeper(transactions, statements, offers, repair, cache, Clock.systemUTC(), properties,
                meters);
        OfferSweeper second = new OfferSweeper(transactions, statements, offers, repair, cache, Clock.systemUTC(), properties,
                meters);

        List<Outcome<Integer>> sweeps = Concurrently.run(2, i -> (i == 0 ? first : second).sweep());

        assertThat(sweeps).allMatch(Outcome::succeeded);
        assertThat(sweeps.stream().mapToInt(Outcome::value).sum()).as("the context's own sweeper may take some")
                .isLessThanOrEqualTo(20);
        awaitOffers(eventId, "EXPIRED", 20);
        // The 20 tickets passed once: 10 to the last ten in line (one each), 10 back on sale; none twice.
        assertThat(offersIn(eventId, "OPEN")).isEqualTo(10);
        assertThat(jdbc.sql("SELECT status, count(*) FROM waiting_list_entry WHERE event_id = ? GROUP BY status")
                .param(eventId).query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2))).list())
                .containsExactlyInAnyOrder(Map.entry("EXPIRED", 20L), Map.entry("OFFERED", 10L));
        assertThat(heldAndRemaining(eventId, area)).containsExactly(10, 10);
    }

    @Test
    void holdsReleasedAtOnceOfferEverySeatToExactlyOneBuyerAndTheFirstInLineGetThem() throws Exception {
        OnSale sale = sale(4, 10, 10, 2, 2);
        UUID eventId = sale.event().id();
        UUID sectionId = sale.stalls().id();
        List<Hold> sold = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sold.add(holdSeats(sale, UUID.randomUUID(), sale.seatIds(2 * i, 2)));
        }
        List<UUID> line = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            line.add(lists.join(UUID.randomUUID(), EMAIL, eventId, sectionId, 1).id());
        }

        List<Outcome<Hold>> releases = Concurrently.run(20, i -> holds.release(sold.get(i).buyerId(), sold.get(i).id()));

        assertThat(releases).allMatch(Outcome::succeeded);
        List<UUID> offered = jdbc.sql("SELECT entry_id FROM waiting_list_offer WHERE event_id = ?").param(eventId)
                .query(UUID.class).list();
        assertThat(offered).hasSize(40).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(line.subList(0, 40));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM event_seat s JOIN waiting_list_offer o ON o.id = s.hold_id AND s.seat_id = ANY(o.seat_ids)
                 WHERE s.event_id = ? AND s.status = 'HELD'""").param(eventId).query(Long.class).single())
                .as("every seat held by the one offer that names it").isEqualTo(40);
        assertThat(jdbc.sql("SELECT count(*) FROM event_seat WHERE event_id = ? AND status = 'AVAILABLE'")
                .param(eventId).query(Long.class).single()).isZero();
    }

    @Test
    void aClaimAndALeaveRacingOnOneOfferNeverBothWin() throws Exception {
        OnSale sale = sale(1, 2, 10, 1, 1);
        UUID eventId = sale.event().id();
        UUID area = sale.floor().id();
        List<Hold> sold = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sold.add(holdArea(sale, UUID.randomUUID(), 1));
        }
        List<Entry> line = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            line.add(lists.join(UUID.randomUUID(), EMAIL, eventId, area, 1));
        }
        sold.forEach(hold -> holds.release(hold.buyerId(), hold.id()));

        List<Outcome<Object>> outcomes = Concurrently.run(20, i -> {
            Entry entry = line.get(i / 2);
            return i % 2 == 0 ? lists.claim(entry.buyerId(), EMAIL, entry.id()) : lists.leave(entry.buyerId(), entry.id());
        });

        int claimed = 0;
        for (int i = 0; i < 10; i++) {
            Outcome<Object> claim = outcomes.get(2 * i);
            Entry entry = lists.get(line.get(i).buyerId(), line.get(i).id());
            if (claim.succeeded()) {
                claimed++;
                assertThat(entry.status()).isEqualTo(EntryStatus.CLAIMED);
                assertThat(entry.offer().holdId()).isEqualTo(((Hold) claim.value()).id());
            } else {
                assertThat(claim.failure()).isInstanceOf(OfferNotOpen.class);
                assertThat(entry.status()).isEqualTo(EntryStatus.LEFT);
                assertThat(entry.offer().status()).isEqualTo(OfferStatus.DECLINED);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM hold WHERE event_id = ? AND status = 'ACTIVE'").param(eventId)
                .query(Long.class).single()).isEqualTo(claimed);
        // Declined tickets had nobody left to go to: back on sale. Claimed ones are held by their holds.
        assertThat(heldAndRemaining(eventId, area)).containsExactly(claimed, 10 - claimed);
    }

    @Test
    void ticketsOfACancelledPaidOrderGoToTheLineAndACancelledEventWithdrawsEveryOffer() throws Exception {
        OnSale sale = new BookingFixture(venues, events).free(1, 2, 4, 4, 4);
        UUID eventId = sale.event().id();
        UUID area = sale.floor().id();
        admin.configure(BookingFixture.ANY_ORGANIZATION, eventId, true, 10);
        UUID buyer = UUID.randomUUID();
        Order paid = checkout.checkout(buyer, holdArea(sale, buyer, 4).id());
        assertThat(paid.status()).isEqualTo(OrderStatus.CONFIRMED);
        UUID patient = UUID.randomUUID();
        Entry waiting = lists.join(patient, EMAIL, eventId, area, 3);

        cancellations.cancel(BookingFixture.ANY_ORGANIZATION, eventId, paid.id(), UsedTickets.INCLUDED);

        Entry offered = lists.get(patient, waiting.id());
        assertThat(offered.offer().quantity()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT sum(held)::int, sum(sold)::int FROM event_area WHERE event_id = ?").param(eventId)
                .query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2))).single())
                .as("three sold tickets now held for the offer, one back on sale").containsExactly(3, 0);

        events.cancel(BookingFixture.ANY_ORGANIZATION, eventId);

        assertThat(lists.get(patient, waiting.id()).offer().status()).isEqualTo(OfferStatus.WITHDRAWN);
        assertThat(lists.get(patient, waiting.id()).status()).isEqualTo(EntryStatus.CLOSED);
        assertThat(heldAndRemaining(eventId, area)).containsExactly(0, 4);
    }

    @Test
    void ticketsThatWentOnSalePastTheLineWhileTheSaleWasPausedAreOfferedToItWhenTheSaleReopens() throws Exception {
        OnSale sale = sale(1, 2, 4, 4, 4);
        UUID eventId = sale.event().id();
        UUID area = sale.floor().id();
        Hold all = holdArea(sale, UUID.randomUUID(), 4);
        UUID patient = UUID.randomUUID();
        Entry waiting = lists.join(patient, EMAIL, eventId, area, 3);
        events.pauseSales(BookingFixture.ANY_ORGANIZATION, eventId);

        holds.release(all.buyerId(), all.id());

        assertThat(lists.get(patient, waiting.id()).status()).as("no offers while the sale is paused")
                .isEqualTo(EntryStatus.WAITING);
        assertThat(heldAndRemaining(eventId, area)).containsExactly(0, 4);
        events.resumeSales(BookingFixture.ANY_ORGANIZATION, eventId);

        repair.repair();

        // This round or the context's own sweeper's: the line gets three, the fourth stays on sale.
        Entry offered = lists.get(patient, waiting.id());
        assertThat(offered.status()).isEqualTo(EntryStatus.OFFERED);
        assertThat(offered.offer().quantity()).isEqualTo(3);
        assertThat(heldAndRemaining(eventId, area)).containsExactly(3, 1);
        assertThat(repair.repair()).as("nothing left that anyone in line fits").isZero();
    }

    @Test
    void theNextInLineIsReadFromItsPartialIndex() {
        OnSale sale = sale(1, 2, 2, 2, 2);
        // Lines of the past, long ended, as a platform that has sold for a while has them; then fresh statistics.
        jdbc.sql("""
                INSERT INTO waiting_list_entry (id, event_id, section_id, buyer_id, buyer_email, quantity, status, joined_at)
                SELECT gen_random_uuid(), ?, ?, gen_random_uuid(), 'old@test.boxoffice.dev', 1, 'EXPIRED', now()
                  FROM generate_series(1, 5000)""").params(sale.event().id(), sale.floor().id()).update();
        jdbc.sql("ANALYZE waiting_list_entry").update();
        String plan = String.join("\n", jdbc.sql("EXPLAIN " + WaitingListStatements.NEXT_WAITING)
                .params(sale.event().id(), sale.floor().id(), 2).query(String.class).list());
        assertThat(plan).contains("waiting_list_entry_next");
    }

    private long offersIn(UUID eventId, String status) {
        return jdbc.sql("SELECT count(*) FROM waiting_list_offer WHERE event_id = ? AND status = ?")
                .params(eventId, status).query(Long.class).single();
    }

    private void awaitOffers(UUID eventId, String status, long count) throws InterruptedException {
        // The context's own sweeper may still be committing a batch it claimed: wait for it, then count.
        Instant deadline = Instant.now().plusSeconds(10);
        while (offersIn(eventId, status) < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(offersIn(eventId, status)).isEqualTo(count);
    }

    private List<Integer> heldAndRemaining(UUID eventId, UUID area) {
        return jdbc.sql("SELECT sum(held)::int, sum(capacity - held - sold)::int FROM event_area WHERE event_id = ? "
                + "AND section_id = ?").params(eventId, area).query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2)))
                .single();
    }
}
