package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ticket admits its holder once, and never once void. */
class TicketTest {

    static final Instant NOW = Instant.parse("2026-12-01T20:00:00Z");

    static Ticket valid() {
        UUID id = UUID.randomUUID();
        return new Ticket(id, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 0, UUID.randomUUID(),
                "Stalls", UUID.randomUUID(), "A", "7", "Stalls", 4_500, Currency.getInstance("EUR"), "ABCDEFGHJKMN",
                "BX1.payload", NOW.minusSeconds(3_600));
    }

    @Test
    void admitsOnceAndTellsASecondScanWhenTheFirstWasAdmitted() {
        Ticket ticket = valid();

        ticket.checkIn(NOW);

        assertThat(ticket.checkedInAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> ticket.checkIn(NOW.plusSeconds(5))).isInstanceOf(TicketAlreadyCheckedIn.class);
        assertThat(ticket.checkedInAt()).isEqualTo(NOW);
    }

    @Test
    void isNewUntilStored() {
        Ticket ticket = valid();
        assertThat(ticket.isNew()).isTrue();

        ticket.stored();

        assertThat(ticket.isNew()).isFalse();
    }
}
