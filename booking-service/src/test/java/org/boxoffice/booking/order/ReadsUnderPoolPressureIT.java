package org.boxoffice.booking.order;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.Concurrently;
import org.boxoffice.booking.Concurrently.Outcome;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldRequest;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a buyer's orders and holds takes one pooled connection at a time. Before, the order's (and the hold's) row
 * mapper queried its lines (items) while the row's own connection was still held: two connections per read, so a
 * burst of buyers polling their orders during an on-sale took every connection of the pool and waited for a second
 * one until Hikari's timeout — booking answered nothing for 30 s. Here the pool has two connections, and 40 reads at
 * once must all succeed within a 3 s acquisition timeout.
 */
@IntegrationTest(properties = {"spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=3000"})
class ReadsUnderPoolPressureIT {

    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    HoldService holds;
    @Autowired
    Checkout checkout;
    @Autowired
    OrderQueries orders;

    @Test
    void fortyConcurrentReadsOfOrdersAndHoldsShareATwoConnectionPool() throws Exception {
        OnSale sale = new BookingFixture(venues, events).onSale(2, 10, 10, 4, 4);
        UUID buyer = UUID.randomUUID();
        Hold paidFor = holds.hold(buyer, "buyer@test.boxoffice.dev",
                new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(0, 2)));
        Order order = checkout.checkout(buyer, paidFor.id());
        Hold open = holds.hold(buyer, "buyer@test.boxoffice.dev",
                new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(), 2));

        List<Outcome<Integer>> outcomes = Concurrently.run(40, i -> switch (i % 3) {
            case 0 -> orders.get(buyer, order.id()).bill().lines().size();
            case 1 -> holds.get(buyer, open.id()).items().size();
            default -> orders.mine(buyer, new PageQuery(0, 20)).items().getFirst().bill().lines().size();
        });

        assertThat(outcomes).allSatisfy(outcome -> {
            assertThat(outcome.failure()).isNull();
            assertThat(outcome.value()).isPositive();
        });
        assertThat(orders.get(buyer, order.id()).bill().lines()).hasSize(2);
        assertThat(holds.get(buyer, open.id()).items()).hasSize(1);
    }
}
