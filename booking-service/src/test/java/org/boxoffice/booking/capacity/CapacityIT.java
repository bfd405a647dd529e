package org.boxoffice.booking.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.boxoffice.booking.BookingHttp.ok;
import static org.boxoffice.booking.BookingHttp.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.BookingHttp;
import org.boxoffice.booking.Concurrently;
import org.boxoffice.booking.Concurrently.Outcome;
import org.boxoffice.booking.event.EventSection;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.CapacityExceeded;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldRequest;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.booking.waitlist.Entry;
import org.boxoffice.booking.waitlist.EntryStatus;
import org.boxoffice.booking.waitlist.WaitingListAdmin;
import org.boxoffice.booking.waitlist.WaitingListService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * An organizer adding capacity to a sold-out general-admission area, on a real PostgreSQL and Redis (docs/commerce.md,
 * "Adding capacity"): the added tickets go to the waiting list first, in line order and held for each buyer, the
 * rest on sale; never more held and sold than the capacity, even with holds racing the addition; and every refusal a
 * problem that says why.
 */
@IntegrationTest
class CapacityIT {

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
    WaitingListService lists;
    @Autowired
    WaitingListAdmin admin;
    @Autowired
    CapacityService capacity;
    @Autowired
    JdbcClient jdbc;

    OnSale soldOut(int area, int maxPerBuyer) {
        OnSale sale = new BookingFixture(venues, events).onSale(1, 2, area, maxPerBuyer, maxPerBuyer);
        admin.configure(BookingFixture.ANY_ORGANIZATION, sale.event().id(), true, 10);
        for (int left = area; left > 0; left -= Math.min(left, maxPerBuyer)) {
            holdArea(sale, UUID.randomUUID(), Math.min(left, maxPerBuyer));
        }
        return sale;
    }

    Hold holdArea(OnSale sale, UUID buyer, int quantity) {
        return holds.hold(buyer, EMAIL, new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(), quantity));
    }

    @Test
    void addedCapacityGoesToTheFirstInLineWhoseQuantityFitsHeldForThemAndTheRestGoesOnSale() throws Exception {
        OnSale sale = soldOut(6, 4);
        UUID eventId = sale.event().id();
        UUID floor = sale.floor().id();
        Entry wantsTwo = lists.join(UUID.randomUUID(), EMAIL, eventId, floor, 2);
        Entry wantsFour = lists.join(UUID.randomUUID(), EMAIL, eventId, floor, 4);
        Entry wantsOne = lists.join(UUID.randomUUID(), EMAIL, eventId, floor, 1);
        BookingHttp http = new BookingHttp(port);
        String organizer = TestTokens.organizer(sale.organizationId());
        String path = "/api/v1/admin/events/" + eventId + "/sections/" + floor + "/capacity";
        String key = UUID.randomUUID().toString();

        JsonNode added = ok(200, http.post(path, organizer, key, """
                {"tickets":4}"""));
        JsonNode retried = ok(200, http.post(path, organizer, key, """
                {"tickets":4}"""));

        assertThat(added.path("added").asInt()).isEqualTo(4);
        assertThat(added.path("capacity").asInt()).isEqualTo(10);
        // Two for the first in line, none for the second (four do not fit in the two left), one for the third.
        assertThat(added.path("offeredToWaitingList").asInt()).isEqualTo(3);
        assertThat(added.path("available").asInt()).isEqualTo(1);
        assertThat(retried).as("an Idempotency-Key retry adds nothing").isEqualTo(added);
        assertThat(heldSoldCapacity(eventId, floor)).containsExactly(6 + 3, 0, 10);
        Entry first = lists.get(wantsTwo.buyerId(), wantsTwo.id());
        assertThat(first.status()).isEqualTo(EntryStatus.OFFERED);
        assertThat(first.offer().quantity()).isEqualTo(2);
        assertThat(lists.get(wantsFour.buyerId(), wantsFour.id()).status()).isEqualTo(EntryStatus.WAITING);
        assertThat(lists.get(wantsFour.buyerId(), wantsFour.id()).position()).isEqualTo(1);
        assertThat(lists.get(wantsOne.buyerId(), wantsOne.id()).offer().quantity()).isEqualTo(1);
        assertThat(events.sections(eventId).stream().filter(s -> s.sectionId().equals(floor))
                .map(EventSection::capacity)).as("the catalogue's capacity").containsExactly(10);
        assertThat(jdbc.sql("SELECT payload->>'capacity' FROM outbox_event WHERE type = 'EventCapacityAdded' AND "
                + "event_key = ?").param(eventId.toString()).query(String.class).list())
                .as("announced once, with the event's seats and areas").containsExactly("12");

        // The one ticket left is on sale; the offered ones are held for their buyers alone, until claimed.
        holdArea(sale, UUID.randomUUID(), 1);
        assertThatThrownBy(() -> holdArea(sale, UUID.randomUUID(), 1)).isInstanceOf(CapacityExceeded.class);
        Hold claimed = lists.claim(wantsTwo.buyerId(), EMAIL, wantsTwo.id());
        assertThat(claimed.claim().tickets()).isEqualTo(2);
        assertThat(heldSoldCapacity(eventId, floor)).containsExactly(10, 0, 10);
    }

    @Test
    void refusalsSayWhyAndChangeNothing() throws Exception {
        OnSale sale = soldOut(4, 4);
        UUID eventId = sale.event().id();
        BookingHttp http = new BookingHttp(port);
        String organizer = TestTokens.organizer(sale.organizationId());
        String floor = "/api/v1/admin/events/" + eventId + "/sections/" + sale.floor().id() + "/capacity";

        for (String body : List.of("{\"tickets\":0}", "{\"tickets\":-5}", "{}", "{\"tickets\":100001}")) {
            assertThat(problem(400, http.post(floor, organizer, null, body))).as(body).isEqualTo("validation-failed");
        }
        assertThat(problem(422, http.post("/api/v1/admin/events/" + eventId + "/sections/" + sale.stalls().id()
                + "/capacity", organizer, null, "{\"tickets\":2}"))).isEqualTo("not-general-admission");
        assertThat(problem(404, http.post("/api/v1/admin/events/" + eventId + "/sections/" + UUID.randomUUID()
                + "/capacity", organizer, null, "{\"tickets\":2}"))).isEqualTo("section-not-found");
        assertThat(problem(404, http.post(floor, TestTokens.organizer(UUID.randomUUID()), null,
                "{\"tickets\":2}"))).as("another organization's event").isEqualTo("event-not-found");
        assertThat(problem(403, http.post(floor, TestTokens.buyer(UUID.randomUUID()), null, "{\"tickets\":2}")))
                .isEqualTo("forbidden");
        events.cancel(BookingFixture.ANY_ORGANIZATION, eventId);
        assertThat(problem(409, http.post(floor, organizer, null, "{\"tickets\":2}")))
                .isEqualTo("event-state-conflict");

        assertThat(heldSoldCapacity(eventId, sale.floor().id()).get(2)).as("capacity unchanged").isEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE type = 'EventCapacityAdded' AND event_key = ?")
                .param(eventId.toString()).query(Long.class).single()).isZero();
    }

    @Test
    void capacityAddedWhileHoldsRaceForItReachesTheLineFirstAndIsNeverOversold() throws Exception {
        // 100 tickets in two stripes, sold out; ten buyers in line for two each.
        OnSale sale = soldOut(100, 2);
        UUID eventId = sale.event().id();
        UUID floor = sale.floor().id();
        List<UUID> line = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            line.add(lists.join(UUID.randomUUID(), EMAIL, eventId, floor, 2).id());
        }

        // Two additions of 15 and 40 holds of one ticket, released together.
        List<Outcome<Object>> outcomes = Concurrently.run(42, i -> i < 2
                ? capacity.add(BookingFixture.ANY_ORGANIZATION, eventId, floor, 15)
                : holdArea(sale, UUID.randomUUID(), 1));

        assertThat(outcomes.subList(0, 2)).allMatch(Outcome::succeeded);
        int offered = outcomes.subList(0, 2).stream()
                .mapToInt(o -> ((CapacityService.Added) o.value()).offeredToWaitingList()).sum();
        List<Outcome<Object>> holdOutcomes = outcomes.subList(2, outcomes.size());
        long held = holdOutcomes.stream().filter(Outcome::succeeded).count();
        assertThat(holdOutcomes.stream().filter(o -> !o.succeeded()).map(Outcome::failure))
                .allMatch(CapacityExceeded.class::isInstance);
        // Every one of the ten in line got their two, whichever addition came first; only the rest was on sale.
        assertThat(offered).isEqualTo(20);
        assertThat(jdbc.sql("SELECT entry_id FROM waiting_list_offer WHERE event_id = ? AND quantity = 2")
                .param(eventId).query(UUID.class).list()).containsExactlyInAnyOrderElementsOf(line);
        assertThat(held).isBetween(0L, 10L);
        assertThat(heldSoldCapacity(eventId, floor)).containsExactly(100 + 20 + (int) held, 0, 130);
        assertThat(jdbc.sql("SELECT count(*) FROM event_area WHERE event_id = ? AND held + sold > capacity")
                .param(eventId).query(Long.class).single()).as("no stripe over its capacity").isZero();
        // What no hold took is on sale, and can be held now: exactly that many, not one more.
        int left = 10 - (int) held;
        for (int i = 0; i < left; i++) {
            holdArea(sale, UUID.randomUUID(), 1);
        }
        assertThatThrownBy(() -> holdArea(sale, UUID.randomUUID(), 1)).isInstanceOf(CapacityExceeded.class);
        assertThat(heldSoldCapacity(eventId, floor)).containsExactly(130, 0, 130);
    }

    private List<Integer> heldSoldCapacity(UUID eventId, UUID area) {
        return jdbc.sql("SELECT sum(held)::int, sum(sold)::int, sum(capacity)::int FROM event_area WHERE event_id = ? "
                + "AND section_id = ?").params(eventId, area)
                .query((rs, row) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }
}
