package org.boxoffice.booking.event;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.venue.Section;
import org.boxoffice.booking.venue.SectionKind;
import org.boxoffice.booking.venue.Venue;
import org.boxoffice.booking.venue.Venues;
import org.boxoffice.platform.testing.InfrastructureInitializer;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.data.domain.Sort;
import org.springframework.test.context.ContextConfiguration;

import jakarta.persistence.EntityManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** Events and their price tiers on the real PostgreSQL schema Flyway builds. */
@DataJpaTest(properties = {"spring.jpa.properties.hibernate.generate_statistics=true",
        "spring.datasource.hikari.maximum-pool-size=2"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
class EventMappingIT {

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired
    Events events;
    @Autowired
    Venues venues;
    @Autowired
    TestEntityManager entities;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    Venue venue;
    Section stalls;
    Section floor;

    @BeforeEach
    void venue() {
        venue = new Venue(UUID.randomUUID(), "Coliseu " + UUID.randomUUID(), "Porto", "Rua Passos Manuel 137",
                ZoneId.of("Europe/Lisbon"), NOW);
        stalls = addSection(venue, "A", SectionKind.SEATED);
        floor = addSection(venue, "GA", SectionKind.GENERAL_ADMISSION);
        venues.saveAndFlush(venue);
    }

    static Section addSection(Venue venue, String code, SectionKind kind) {
        return venue.addSection(code, "Section " + code, kind, kind == SectionKind.SEATED ? 0 : 50);
    }

    Event draft(String title) {
        return new Event(venue.organizationId(), new NewEvent(venue.id(), title, "An evening", NOW.plus(
                Duration.ofDays(5)), NOW.plus(Duration.ofDays(5)).plus(Duration.ofHours(3)), ZoneId.of("Europe/Lisbon"),
                NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(4)), Currency.getInstance("EUR"), 4, 6,
                Duration.ofMinutes(10), Duration.ofHours(24)), NOW);
    }

    @Test
    void storesAndReadsBackAnEventWithItsTiers() {
        Event event = draft("Surge Night");
        event.setTiers(List.of(new TierSpec(floor.id(), "Floor", 2_500), new TierSpec(stalls.id(), "Stalls", 4_550)),
                Set.of(stalls.id(), floor.id()));
        events.saveAndFlush(event);
        entities.clear();

        Event read = events.findById(event.id()).orElseThrow();

        assertThat(read.status()).isEqualTo(EventStatus.DRAFT);
        assertThat(read.currency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(read.schedule().zone()).isEqualTo(ZoneId.of("Europe/Lisbon"));
        assertThat(read.holdDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(read.refundCutoff()).isEqualTo(Duration.ofHours(24));
        assertThat(read.schedule()).isEqualTo(event.schedule());
        assertThat(read.tiers()).extracting(PriceTier::sectionId, PriceTier::amountMinor)
                .containsExactlyInAnyOrder(tuple(floor.id(), 2_500L), tuple(stalls.id(), 4_550L));
    }

    @Test
    void repricingASectionAndDroppingAnotherKeepsOneTierPerSection() {
        Event event = draft("Repriced");
        event.setTiers(List.of(new TierSpec(stalls.id(), "Stalls", 4_550), new TierSpec(floor.id(), "Floor", 2_500)),
                Set.of(stalls.id(), floor.id()));
        events.saveAndFlush(event);

        event.setTiers(List.of(new TierSpec(stalls.id(), "Stalls", 5_000)), Set.of(stalls.id(), floor.id()));
        events.flush();
        entities.clear();

        assertThat(events.sections(event.id())).extracting(EventSection::sectionId, EventSection::priceMinor)
                .containsExactly(tuple(stalls.id(), 5_000L));
    }

    @Test
    void readsAnEventAndItsPricedSectionsInTwoStatements() {
        Event event = draft("Admin view");
        event.setTiers(List.of(new TierSpec(floor.id(), "Floor", 2_500), new TierSpec(stalls.id(), "Stalls", 4_550)),
                Set.of(stalls.id(), floor.id()));
        events.saveAndFlush(event);
        entities.clear();
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        Event read = events.findById(event.id()).orElseThrow();
        List<EventSection> sections = events.sections(read.id());

        assertThat(sections).extracting(EventSection::code, EventSection::kind, EventSection::tier,
                EventSection::currency).containsExactly(
                        tuple("A", SectionKind.SEATED, "Stalls", Currency.getInstance("EUR")),
                        tuple("GA", SectionKind.GENERAL_ADMISSION, "Floor", Currency.getInstance("EUR")));
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(2);
    }

    @Test
    void searchesByStatusOrganizationCityAndTextIncludingTheVenueName() {
        Event published = draft("Jazz at the hall");
        published.setTiers(List.of(new TierSpec(floor.id(), "Floor", 2_500)), Set.of(floor.id()));
        published.publish(NOW);
        Event draft = draft("Draft jazz");
        events.saveAllAndFlush(List.of(published, draft));
        Sort byStart = Sort.by("schedule.startsAt", "id");
        String venueWord = venue.name().substring("Coliseu ".length(), "Coliseu ".length() + 8);

        assertThat(events.findAll(EventSpecifications.matching(EventSearch.listed(null, null, null, "PORTO",
                "JAZZ")), new PageQuery(0, 20).sorted(byStart)).getContent()).containsExactly(published);
        assertThat(events.findAll(EventSpecifications.matching(EventSearch.listed(null, null, null, null,
                venueWord)), new PageQuery(0, 20).sorted(byStart)).getContent()).containsExactly(published);
        assertThat(events.findAll(EventSpecifications.matching(EventSearch.listed(null, null, null, "Lisbon",
                null)), new PageQuery(0, 20).sorted(byStart)).getContent()).doesNotContain(published);
        assertThat(events.findAll(EventSpecifications.matching(new EventSearch(Set.of(), false,
                Set.of(venue.organizationId()), null, null, null, null, "100%")), new PageQuery(0, 20).sorted(byStart))
                .getContent()).isEmpty();
        var mine = events.findAll(EventSpecifications.matching(new EventSearch(Set.of(), false,
                Set.of(venue.organizationId()), null, null, null, null, null)), new PageQuery(0, 1).sorted(byStart));
        assertThat(mine.getTotalElements()).isEqualTo(2);
        assertThat(events.findAll(EventSpecifications.matching(new EventSearch(Set.of(), false, Set.of(), null, null,
                null, null, null)), new PageQuery(0, 1).sorted(byStart)).getTotalElements()).isZero();
    }
}
