package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ticket admits its holder once, and never once void or transferred; a transfer replaces it. */
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
    void aTransferReplacesTheTicketAtItsPlaceAndTheOldOneAdmitsNobody() {
        Ticket ticket = valid();
        UUID newId = UUID.randomUUID();

        Ticket replacement = ticket.transferTo("friend@example.com", newId, "NEWCODE00001", "BX1.new", NOW);

        assertThat(ticket.status()).isEqualTo(TicketStatus.VOID);
        assertThat(ticket.transferredAt()).isEqualTo(NOW);
        assertThat(replacement.id()).isEqualTo(newId);
        assertThat(replacement.status()).isEqualTo(TicketStatus.VALID);
        assertThat(replacement.holderEmail()).isEqualTo("friend@example.com");
        assertThat(replacement.transferredFrom()).isEqualTo(ticket.id());
        assertThat(replacement).extracting(Ticket::orderId, Ticket::position, Ticket::seatId, Ticket::priceMinor)
                .containsExactly(ticket.orderId(), ticket.position(), ticket.seatId(), ticket.priceMinor());
        assertThat(replacement.code()).isEqualTo("NEWCODE00001");
        assertThatThrownBy(() -> ticket.checkIn(NOW)).isInstanceOf(TicketTransferred.class);
        assertThatThrownBy(() -> ticket.transferTo("x@example.com", UUID.randomUUID(), "NEWCODE00002", "BX1.x", NOW))
                .isInstanceOf(TicketTransferred.class);
        assertThat(ticket.checkedInAt()).isNull();
    }

    @Test
    void aTicketUsedAtTheDoorIsNotTransferred() {
        Ticket ticket = valid();
        ticket.checkIn(NOW);

        assertThatThrownBy(() -> ticket.transferTo("friend@example.com", UUID.randomUUID(), "NEWCODE00001", "BX1.new",
                NOW)).isInstanceOf(TicketAlreadyCheckedIn.class);
        assertThat(ticket.status()).isEqualTo(TicketStatus.VALID);
    }

    @Test
    void transfersCloseAtTheOrganizersDeadlineOrTheEventsStartWhicheverComesFirst() {
        UUID event = UUID.randomUUID();
        Instant start = NOW.plusSeconds(7_200);
        TransferPolicy open = TransferPolicy.defaults(event, NOW);
        open.requireOpen(start.minusSeconds(1), start);
        assertThatThrownBy(() -> open.requireOpen(start, start)).isInstanceOf(TransferNotAllowed.class);

        TransferPolicy early = new TransferPolicy(event, true, NOW.plusSeconds(60), NOW);
        early.requireOpen(NOW.plusSeconds(59), start);
        assertThatThrownBy(() -> early.requireOpen(NOW.plusSeconds(60), start)).isInstanceOf(TransferNotAllowed.class)
                .extracting(e -> ((TransferNotAllowed) e).properties().get("reason")).isEqualTo("DEADLINE_PASSED");
        TransferPolicy late = new TransferPolicy(event, true, start.plusSeconds(60), NOW);
        assertThatThrownBy(() -> late.requireOpen(start, start)).isInstanceOf(TransferNotAllowed.class);

        TransferPolicy off = new TransferPolicy(event, false, null, NOW);
        assertThatThrownBy(() -> off.requireOpen(NOW, start)).isInstanceOf(TransferNotAllowed.class)
                .extracting(e -> ((TransferNotAllowed) e).properties().get("reason")).isEqualTo("DISABLED");
    }
}
