package org.boxoffice.booking.hold;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.Concurrently;
import org.boxoffice.booking.Concurrently.Outcome;
import org.boxoffice.booking.availability.AvailabilityService;
import org.boxoffice.booking.availability.InventoryChange;
import org.boxoffice.booking.availability.SectionAvailability;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.inventory.Inventory;
import org.boxoffice.booking.inventory.SeatStatus;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A general-admission area counted in stripes (V13, AreaStripes): their capacities add up to the area's, concurrent
 * holds never oversell it nor refuse tickets the area still has, a quantity no single stripe has left is spread over
 * several, and the cached availability agrees with the database.
 */
@IntegrationTest
class AreaStripesIT {

    private static final String EMAIL = "buyer@test.boxoffice.dev";

    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    HoldService holds;
    @Autowired
    Inventory inventory;
    @Autowired
    AvailabilityService availability;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anAreaIsCountedInStripesWhoseCapacitiesAddUpToItsOwn() {
        OnSale large = new BookingFixture(venues, events).onSale(1, 1, 803, 4, 4);
        OnSale small = new BookingFixture(venues, events).onSale(1, 1, 10, 4, 4);

        assertThat(stripeCapacities(large)).hasSize(16).containsOnly(50, 51).satisfies(
                capacities -> assertThat(capacities.stream().mapToInt(Integer::intValue).sum()).isEqualTo(803));
        assertThat(stripeCapacities(small)).containsExactly(10);
    }

    @Test
    void concurrentHoldsAndReleasesNeverOversellNorRefuseTicketsTheAreaStillHas() throws Exception {
        OnSale sale = new BookingFixture(venues, events).onSale(1, 1, 400, 3, 3);
        UUID event = sale.event().id();
        UUID floor = sale.floor().id();
        // Cached before the surge: from here on the cache follows the holds' own writes, stripe by stripe.
        assertThat(cachedAvailable(sale)).isEqualTo(400);

        List<Outcome<Hold>> outcomes = Concurrently.run(600, i -> holds.hold(UUID.randomUUID(), EMAIL,
                new HoldRequest.GeneralAdmission(event, floor, 1 + i % 3)));

        List<Hold> placed = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
        int held = placed.stream().mapToInt(Hold::quantity).sum();
        assertThat(held).isEqualTo(sum("held", sale)).isLessThanOrEqualTo(400);
        List<Throwable> refusals = outcomes.stream().filter(o -> !o.succeeded()).map(Outcome::failure).toList();
        assertThat(refusals).isNotEmpty().allSatisfy(failure -> assertThat(failure).isInstanceOf(CapacityExceeded.class));
        // Nothing was given back meanwhile, so what is left now was left at every refusal: a quantity is refused only
        // when all stripes together have fewer, never because the tickets left are spread over several stripes.
        int smallestRefused = java.util.stream.IntStream.range(0, outcomes.size())
                .filter(i -> !outcomes.get(i).succeeded()).map(i -> 1 + i % 3).min().orElseThrow();
        assertThat(400 - held).isLessThan(smallestRefused);
        assertThat(withinCapacity(sale)).isTrue();
        assertThat(cachedAvailable(sale)).isEqualTo(400 - held);

        List<Outcome<Hold>> released = Concurrently.run(placed.size() / 2,
                i -> holds.release(placed.get(i).buyerId(), placed.get(i).id()));
        int given = released.stream().filter(Outcome::succeeded).mapToInt(o -> o.value().quantity()).sum();

        assertThat(released).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(sum("held", sale)).isEqualTo(held - given);
        assertThat(cachedAvailable(sale)).isEqualTo(400 - held + given);
    }

    @Test
    void aQuantityNoSingleStripeHasLeftIsSpreadOverSeveralSoldAndGivenBack() {
        OnSale sale = new BookingFixture(venues, events).onSale(1, 1, 800, 20, 40);
        UUID event = sale.event().id();
        UUID floor = sale.floor().id();
        // Every one of the 16 stripes has one ticket left: 16 in all, none with two.
        jdbc.sql("UPDATE event_area SET held = capacity - 1 WHERE event_id = ?").param(event).update();
        int heldBefore = sum("held", sale);

        Hold spread = holds.hold(UUID.randomUUID(), EMAIL, new HoldRequest.GeneralAdmission(event, floor, 4));

        assertThat(sum("held", sale)).isEqualTo(heldBefore + 4);
        assertThat(jdbc.sql("SELECT count(*) FROM event_area WHERE event_id = ? AND held = capacity").param(event)
                .query(Integer.class).single()).isEqualTo(4);
        assertThat(withinCapacity(sale)).isTrue();

        transactions.executeWithoutResult(status -> inventory.sell(spread.claim(), new InventoryChange(event)));
        assertThat(sum("held", sale)).isEqualTo(heldBefore);
        assertThat(sum("sold", sale)).isEqualTo(4);
        transactions.executeWithoutResult(status -> inventory.returnTickets(spread.claim(), SeatStatus.SOLD,
                new InventoryChange(event)));
        assertThat(sum("sold", sale)).isZero();
        // A late payment's re-take sells the four again, straight to sold: again no stripe has room for all four.
        transactions.executeWithoutResult(status -> inventory.retake(spread.claim(), 40, new InventoryChange(event)));
        assertThat(sum("sold", sale)).isEqualTo(4);
        assertThat(withinCapacity(sale)).isTrue();
        transactions.executeWithoutResult(status -> inventory.returnTickets(spread.claim(), SeatStatus.SOLD,
                new InventoryChange(event)));

        // 16 left in all: 17 is refused, and the refusal changes nothing.
        assertThatThrownBy(() -> holds.hold(UUID.randomUUID(), EMAIL, new HoldRequest.GeneralAdmission(event, floor,
                17))).isInstanceOf(CapacityExceeded.class);
        assertThat(sum("held", sale)).isEqualTo(heldBefore);
        assertThat(withinCapacity(sale)).isTrue();
    }

    private List<Integer> stripeCapacities(OnSale sale) {
        return jdbc.sql("SELECT capacity FROM event_area WHERE event_id = ? ORDER BY stripe")
                .param(sale.event().id()).query(Integer.class).list();
    }

    private int sum(String column, OnSale sale) {
        return jdbc.sql("SELECT coalesce(sum(" + column + "), 0)::int FROM event_area WHERE event_id = ?")
                .param(sale.event().id()).query(Integer.class).single();
    }

    private boolean withinCapacity(OnSale sale) {
        return jdbc.sql("SELECT bool_and(held >= 0 AND sold >= 0 AND held + sold <= capacity) FROM event_area"
                + " WHERE event_id = ?").param(sale.event().id()).query(Boolean.class).single();
    }

    private int cachedAvailable(OnSale sale) {
        return availability.sections(sale.event().id()).stream()
                .filter(section -> section.sectionId().equals(sale.floor().id()))
                .mapToInt(SectionAvailability::available).sum();
    }
}
