package org.boxoffice.booking.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a hold claims on the inventory: seats one ticket each, area tickets by quantity, never nothing. */
class ClaimTest {

    static final UUID SECTION = UUID.randomUUID();

    @Test
    void countsItsTicketsAndListsItsSeatsInOrder() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        Claim claim = new Claim(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                List.of(Allotment.seat(SECTION, first), Allotment.area(SECTION, 3), Allotment.seat(SECTION, second)));

        assertThat(claim.tickets()).isEqualTo(5);
        assertThat(claim.seatIds()).containsExactly(first, second);
    }

    @Test
    void refusesToClaimNothing() {
        assertThatThrownBy(() -> new Claim(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSeatIsOneTicketAndAnAreaAtLeastOne() {
        assertThat(Allotment.seat(SECTION, UUID.randomUUID()).seated()).isTrue();
        assertThat(Allotment.area(SECTION, 4).seated()).isFalse();
        assertThatThrownBy(() -> new Allotment(SECTION, UUID.randomUUID(), 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allotment.area(SECTION, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isUnchangedByLaterChangesToTheListItWasMadeOf() {
        List<Allotment> items = new ArrayList<>(List.of(Allotment.area(SECTION, 1)));
        Claim claim = new Claim(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), items);

        items.add(Allotment.area(SECTION, 1));

        assertThat(claim.tickets()).isEqualTo(1);
    }
}
