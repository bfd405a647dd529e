package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.boxoffice.booking.BookingFixture;
import org.boxoffice.booking.Concurrently;
import org.boxoffice.booking.Concurrently.Outcome;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.order.Checkout;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.platform.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Door scanners racing on one ticket: the ticket's row lock lets exactly one admit it. */
@IntegrationTest
class CheckInRaceIT {

    @Autowired
    VenueService venues;
    @Autowired
    EventService events;
    @Autowired
    HoldService holds;
    @Autowired
    Checkout checkout;
    @Autowired
    TicketService tickets;

    TicketFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new TicketFixture(venues, events, holds, checkout, tickets);
    }

    @Test
    void twentyScansOfOneTicketByCodeAndByQrAdmitItExactlyOnce() throws Exception {
        UUID buyer = UUID.randomUUID();
        Ticket ticket = fixture.ticket(buyer);

        List<Outcome<Ticket>> scans = Concurrently.run(20, i -> i % 2 == 0
                ? tickets.checkIn(BookingFixture.ANY_ORGANIZATION, ticket.code(), null)
                : tickets.checkIn(BookingFixture.ANY_ORGANIZATION, null, ticket.qrPayload()));

        assertThat(scans).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(scans).filteredOn(scan -> !scan.succeeded())
                .allSatisfy(scan -> assertThat(scan.failure()).isInstanceOf(TicketAlreadyCheckedIn.class))
                .hasSize(19);
        Instant admitted = scans.stream().filter(Outcome::succeeded).findFirst().orElseThrow().value().checkedInAt();
        assertThat(tickets.get(buyer, ticket.id()).checkedInAt())
                .isEqualTo(Objects.requireNonNull(admitted).truncatedTo(ChronoUnit.MICROS));
    }
}
