package org.boxoffice.booking.venue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.boxoffice.platform.testing.InfrastructureInitializer;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.test.context.ContextConfiguration;

import jakarta.persistence.EntityManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The seat map's mapping on the real PostgreSQL schema Flyway builds. */
@DataJpaTest(properties = {"spring.jpa.properties.hibernate.generate_statistics=true",
        "spring.datasource.hikari.maximum-pool-size=2"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class VenueMappingIT {

    @Autowired
    Venues venues;
    @Autowired
    TestEntityManager entities;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void storesAndReadsBackAVenueWithItsSectionsAndSeatsInOrder() {
        Instant created = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Venue venue = new Venue(UUID.randomUUID(), "Coliseu", "Porto", "Rua Passos Manuel 137",
                ZoneId.of("Europe/Lisbon"), created);
        Section stalls = venue.addSection("A", "Stalls", SectionKind.SEATED, 0);
        stalls.addSeats(List.of(new SeatSpec("B", 2, false, false), new SeatSpec("B", 1, true, false),
                new SeatSpec("A", 1, false, true)));
        venue.addSection("FLOOR", "Floor", SectionKind.GENERAL_ADMISSION, 300);
        venues.saveAndFlush(venue);
        entities.clear();

        Venue read = venues.findById(venue.id()).orElseThrow();

        assertThat(read.timezone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(read.createdAt()).isEqualTo(created);
        assertThat(read.sections()).extracting(Section::code, Section::kind, Section::capacity, Section::position)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", SectionKind.SEATED, 3, 1),
                        org.assertj.core.groups.Tuple.tuple("FLOOR", SectionKind.GENERAL_ADMISSION, 300, 2));
        Section readStalls = read.sections().getFirst();
        assertThat(readStalls.venueId()).isEqualTo(venue.id());
        assertThat(readStalls.seats()).extracting(seat -> seat.row() + "-" + seat.number())
                .containsExactly("B-1", "B-2", "A-1");
        assertThat(readStalls.seats().getFirst().accessible()).isTrue();
        assertThat(readStalls.seats().getLast().restrictedView()).isTrue();
        assertThat(readStalls.seats()).allSatisfy(seat -> assertThat(seat.sectionId()).isEqualTo(stalls.id()));
    }

    @Test
    void findsASeatOnlyThroughItsOwnVenueAndSection() {
        Venue venue = new Venue(UUID.randomUUID(), "Hall", "Lisbon", "Rua 2", ZoneId.of("Europe/Lisbon"),
                Instant.now());
        Seat seat = venue.addSection("A", "Stalls", SectionKind.SEATED, 0)
                .addSeats(List.of(new SeatSpec("1", 1, false, false))).getFirst();
        Section other = venue.addSection("B", "Balcony", SectionKind.SEATED, 0);
        venues.saveAndFlush(venue);

        assertThat(venues.findSeat(venue.id(), seat.sectionId(), seat.id())).containsSame(seat);
        assertThat(venues.findSeat(venue.id(), other.id(), seat.id())).isEmpty();
        assertThat(venues.findSeat(UUID.randomUUID(), seat.sectionId(), seat.id())).isEmpty();
    }

    @Test
    void readsAWholeSeatMapInThreeStatementsWhateverTheNumberOfSections() {
        Venue venue = new Venue(UUID.randomUUID(), "Arena", "Lisbon", "Rua 3", ZoneId.of("Europe/Lisbon"),
                Instant.now());
        for (int i = 0; i < 6; i++) {
            venue.addSection("S" + i, "Section " + i, SectionKind.SEATED, 0)
                    .addSeats(List.of(new SeatSpec("1", 1, false, false), new SeatSpec("1", 2, false, false)));
        }
        venues.saveAndFlush(venue);
        entities.clear();
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        int seats = venues.findById(venue.id()).orElseThrow().sections().stream()
                .mapToInt(section -> section.seats().size()).sum();

        assertThat(seats).isEqualTo(12);
        assertThat(statistics.getPrepareStatementCount()).isLessThanOrEqualTo(3);
    }

    @Test
    void findsSeatsOfAnyVenueInOneStatementLeavingUnknownIdsOut() {
        Venue hall = new Venue(UUID.randomUUID(), "Hall", "Lisbon", "Rua 4", ZoneId.of("Europe/Lisbon"), Instant.now());
        List<Seat> front = hall.addSection("A", "Stalls", SectionKind.SEATED, 0)
                .addSeats(List.of(new SeatSpec("1", 1, false, false), new SeatSpec("1", 2, false, false)));
        Venue club = new Venue(UUID.randomUUID(), "Club", "Porto", "Rua 5", ZoneId.of("Europe/Lisbon"), Instant.now());
        Seat bar = club.addSection("B", "Bar", SectionKind.SEATED, 0).addSeats(List.of(new SeatSpec("K", 7, false,
                false))).getFirst();
        venues.saveAndFlush(hall);
        venues.saveAndFlush(club);
        entities.clear();
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        List<Seat> found = venues.findSeats(List.of(front.get(1).id(), bar.id(), UUID.randomUUID(), bar.id(),
                front.getFirst().id()));

        assertThat(found).extracting(seat -> seat.row() + "-" + seat.number())
                .containsExactlyInAnyOrder("1-1", "1-2", "K-7");
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
        assertThat(venues.findSeats(List.of())).isEmpty();
    }
}
