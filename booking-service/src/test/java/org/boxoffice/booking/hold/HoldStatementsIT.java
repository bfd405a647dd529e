package org.boxoffice.booking.hold;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.BookingFixture.OnSale;
import org.boxoffice.booking.StatementRecorder;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.booking.waitlist.WaitingListAdmin;
import org.boxoffice.booking.waitlist.WaitingListService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hold costs the database, statement by statement, on a real PostgreSQL (docs/commerce.md, "No cost to a
 * hold"): the statements of a general-admission hold and of a hold on seats, pinned, and the same statements on an
 * event whose waiting list is on — with nobody in line, and with buyers in line for another section. Adding a
 * statement to the hold path fails this test; so does a waiting list that reads on the hold path.
 */
@IntegrationTest
@Import(StatementRecorder.Config.class)
class HoldStatementsIT {

    private static final String EMAIL = "buyer@test.boxoffice.dev";

    /**
     * A hold on seats: 5 statements, each on the seats' or the buyer's rows.
     * <ol>
     * <li>the pre-check: {@code SELECT … FROM event_seat} (unknown or taken seats are refused before any lock);</li>
     * <li>the buyer's allowance: {@code INSERT INTO buyer_allowance … ON CONFLICT … DO UPDATE … WHERE} (the
     * per-buyer limit);</li>
     * <li>the hold and its items in one statement: {@code WITH new_hold AS (INSERT INTO hold …) INSERT INTO
     * hold_item};</li>
     * <li>the {@code HoldPlaced} event: {@code INSERT INTO outbox_event};</li>
     * <li>the fence: {@code UPDATE event_seat SET status = 'HELD' … AND status = 'AVAILABLE'}.</li>
     * </ol>
     */
    private static final int SEATED_HOLD = 5;
    /** A general-admission hold: 4 statements — the allowance, the hold, the event, one stripe of the area. */
    private static final int AREA_HOLD = 4;

    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    HoldService holds;
    @Autowired
    WaitingListAdmin waitingLists;
    @Autowired
    WaitingListService waitingList;

    BookingFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new BookingFixture(venues, events);
    }

    @Test
    void aHoldOnSeatsRunsFiveStatementsWithOrWithoutAWaitingList() {
        OnSale plain = fixture.onSale(2, 10, 4, 4, 8);
        OnSale listed = withBuyersInLineForTheFloor(fixture.onSale(2, 10, 4, 4, 8));

        for (OnSale sale : List.of(plain, listed)) {
            List<String> statements = recorded(() -> holds.hold(UUID.randomUUID(), EMAIL,
                    new HoldRequest.SpecificSeats(sale.event().id(), sale.seatIds(0, 2))), sale);

            assertThat(statements).as("a hold on two seats").hasSize(SEATED_HOLD).satisfiesExactly(
                    sql -> assertThat(sql).contains("FROM event_seat").startsWith("SELECT"),
                    sql -> assertThat(sql).contains("INSERT INTO buyer_allowance"),
                    sql -> assertThat(sql).contains("INSERT INTO hold ").contains("INSERT INTO hold_item"),
                    sql -> assertThat(sql).contains("INSERT INTO outbox_event"),
                    sql -> assertThat(sql).contains("UPDATE event_seat SET status = 'HELD'"));
            assertThat(String.join("\n", statements)).doesNotContainIgnoringCase("waiting_list");
        }
    }

    @Test
    void aGeneralAdmissionHoldRunsFourStatementsWithOrWithoutAWaitingList() {
        OnSale plain = fixture.onSale(1, 4, 20, 4, 8);
        OnSale listed = fixture.onSale(1, 4, 20, 4, 8);
        waitingLists.configure(BookingFixture.ANY_ORGANIZATION, listed.event().id(), true, 10);

        for (OnSale sale : List.of(plain, listed)) {
            List<String> statements = recorded(() -> holds.hold(UUID.randomUUID(), EMAIL,
                    new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(), 2)), sale);

            assertThat(statements).as("a hold of two floor tickets").hasSize(AREA_HOLD).satisfiesExactly(
                    sql -> assertThat(sql).contains("INSERT INTO buyer_allowance"),
                    sql -> assertThat(sql).contains("INSERT INTO hold ").contains("INSERT INTO hold_item"),
                    sql -> assertThat(sql).contains("INSERT INTO outbox_event"),
                    sql -> assertThat(sql).startsWith("UPDATE event_area SET held = held + "));
            assertThat(String.join("\n", statements)).doesNotContainIgnoringCase("waiting_list");
        }
    }

    /** The event with its waiting list on and its floor sold out, two buyers in line for the floor. */
    private OnSale withBuyersInLineForTheFloor(OnSale sale) {
        waitingLists.configure(BookingFixture.ANY_ORGANIZATION, sale.event().id(), true, 10);
        holds.hold(UUID.randomUUID(), EMAIL, new HoldRequest.GeneralAdmission(sale.event().id(), sale.floor().id(), 4));
        waitingList.join(UUID.randomUUID(), EMAIL, sale.event().id(), sale.floor().id(), 1);
        waitingList.join(UUID.randomUUID(), EMAIL, sale.event().id(), sale.floor().id(), 2);
        return sale;
    }

    /** The statements of {@code hold}, the event's listing in memory already (as for every hold but the first). */
    private List<String> recorded(Runnable hold, OnSale sale) {
        events.listing(sale.event().id());
        return StatementRecorder.during(hold);
    }
}
