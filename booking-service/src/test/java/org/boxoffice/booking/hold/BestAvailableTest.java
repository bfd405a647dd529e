package org.boxoffice.booking.hold;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.inventory.Inventory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BestAvailableTest {

    private final List<Inventory.Candidate> seats = new ArrayList<>();

    private UUID seat(int row, int number) {
        UUID id = UUID.randomUUID();
        seats.add(new Inventory.Candidate(id, row, number));
        return id;
    }

    @Test
    void prefersAdjacentSeatsInTheNearestRowThatHasThem() {
        seat(1, 1);
        seat(1, 3);
        seat(1, 5);
        UUID a = seat(2, 7);
        UUID b = seat(2, 8);
        UUID c = seat(2, 9);

        assertThat(BestAvailable.choose(seats, 3)).containsExactly(a, b, c);
    }

    @Test
    void fallsBackToTheBestScatteredSeatsWhenNoRowHasARun() {
        UUID a = seat(1, 1);
        UUID b = seat(1, 3);
        seat(2, 5);

        assertThat(BestAvailable.choose(seats, 2)).containsExactly(a, b);
    }

    @Test
    void choosesNothingWhenTooFewSeatsAreLeft() {
        seat(1, 1);

        assertThat(BestAvailable.choose(seats, 2)).isEmpty();
    }

    @Test
    void offersEveryBlockOfAdjacentSeatsBestFirstWithoutSharingASeat() {
        UUID a1 = seat(1, 1);
        UUID a2 = seat(1, 2);
        UUID a3 = seat(1, 3);
        UUID a4 = seat(1, 4);
        UUID a5 = seat(1, 5);
        seat(1, 7);
        UUID b8 = seat(2, 8);
        UUID b9 = seat(2, 9);

        assertThat(BestAvailable.options(seats, 2)).containsExactly(List.of(a1, a2), List.of(a3, a4), List.of(b8, b9));
        assertThat(BestAvailable.options(seats, 5)).containsExactly(List.of(a1, a2, a3, a4, a5));
    }
}
