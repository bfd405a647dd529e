package org.boxoffice.booking.venue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The seat map's rules, kept by the Venue aggregate itself. */
class VenueTest {

    private final Venue venue = new Venue(UUID.randomUUID(), " Coliseu ", "Porto", "Rua 1", ZoneId.of("Europe/Lisbon"),
            Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void numbersSectionsInTheOrderTheyWereAdded() {
        Section stalls = venue.addSection("A", "Stalls", SectionKind.SEATED, 0);
        Section floor = venue.addSection("FLOOR", "Floor", SectionKind.GENERAL_ADMISSION, 500);

        assertThat(venue.name()).isEqualTo("Coliseu");
        assertThat(List.of(stalls.position(), floor.position())).containsExactly(1, 2);
        assertThat(venue.sections()).containsExactly(stalls, floor);
        assertThat(floor.capacity()).isEqualTo(500);
    }

    @Test
    void refusesASectionCodeTheVenueAlreadyUsesWhateverTheCase() {
        venue.addSection("balcony", "Balcony", SectionKind.SEATED, 0);

        assertThatThrownBy(() -> venue.addSection("BALCONY", "Other", SectionKind.GENERAL_ADMISSION, 10))
                .isInstanceOf(SeatMapConflict.class).hasMessageContaining("BALCONY");
        assertThat(venue.sections()).hasSize(1);
    }

    @Test
    void countsAddedSeatsIntoTheCapacityAndPlacesNewRowsBehindTheOldOnes() {
        Section stalls = venue.addSection("A", "Stalls", SectionKind.SEATED, 0);
        stalls.addSeats(List.of(new SeatSpec("B", 1, false, false), new SeatSpec("B", 2, true, false)));

        List<Seat> added = stalls.addSeats(List.of(new SeatSpec("B", 3, false, false),
                new SeatSpec("A", 1, false, true)));

        assertThat(stalls.capacity()).isEqualTo(4);
        assertThat(added).extracting(Seat::row, Seat::rowPosition, Seat::number)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("B", 1, 3),
                        org.assertj.core.groups.Tuple.tuple("A", 2, 1));
        assertThat(added.get(1).restrictedView()).isTrue();
    }

    @Test
    void refusesASeatThatExistsOrAppearsTwice() {
        Section stalls = venue.addSection("A", "Stalls", SectionKind.SEATED, 0);
        stalls.addSeats(List.of(new SeatSpec("1", 1, false, false)));

        assertThatThrownBy(() -> stalls.addSeats(List.of(new SeatSpec("1", 2, false, false),
                new SeatSpec("1", 1, false, false)))).isInstanceOf(SeatMapConflict.class).hasMessageContaining("1-1");
        assertThatThrownBy(() -> stalls.addSeats(List.of(new SeatSpec("2", 5, false, false),
                new SeatSpec("2", 5, true, false)))).isInstanceOf(InvalidSeatMap.class).hasMessageContaining("twice");
        assertThat(stalls.capacity()).isEqualTo(1);
        assertThat(stalls.seats()).hasSize(1);
    }

    @Test
    void aGeneralAdmissionAreaHasNoSeats() {
        Section floor = venue.addSection("FLOOR", "Floor", SectionKind.GENERAL_ADMISSION, 100);

        assertThatThrownBy(() -> floor.addSeats(List.of(new SeatSpec("1", 1, false, false))))
                .isInstanceOf(SeatMapConflict.class).hasMessageContaining("general-admission");
        assertThat(floor.capacity()).isEqualTo(100);
    }

    @Test
    void seatNumbersStartAtOne() {
        Section stalls = venue.addSection("A", "Stalls", SectionKind.SEATED, 0);

        assertThatThrownBy(() -> stalls.addSeats(List.of(new SeatSpec("1", 0, false, false))))
                .isInstanceOf(InvalidSeatMap.class);
    }
}
