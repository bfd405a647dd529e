package org.boxoffice.booking.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.event.EventStatus;
import org.boxoffice.booking.event.Events;
import org.boxoffice.booking.event.NewEvent;
import org.boxoffice.booking.event.TierSpec;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.venue.RowRange;
import org.boxoffice.booking.venue.Section;
import org.boxoffice.booking.venue.Venue;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.booking.venue.Venues;
import org.boxoffice.platform.data.SqlByDesign;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A venue (three seated sections of 10 rows × 20 seats and a 500-capacity floor) and one published event on sale,
 * owned by "Demo Productions" — the organization user-service creates under the same id. Created once: a restart,
 * or a second replica starting at the same time, finds it and does nothing — unless the demo event's sale has ended
 * (or ends within a day), when a new demo event opens on the same venue.
 */
@Component
@SqlByDesign("Replicas starting together serialize on a transaction-scoped PostgreSQL advisory lock, which has no JPA "
        + "form; the demo data itself goes through the domain services")
@ConditionalOnBooleanProperty("boxoffice.demo.enabled")
class DemoData implements ApplicationRunner {

    static final UUID DEMO_ORGANIZATION = UUID.fromString("d3000000-0000-4000-8000-000000000001");
    static final String VENUE_NAME = "Boxoffice Demo Arena";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final OrganizerAccess DEMO = organization -> organization.equals(DEMO_ORGANIZATION);

    private final VenueService venues;
    private final Venues venueRepository;
    private final EventService events;
    private final Events eventRepository;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoData(VenueService venues, Venues venueRepository, EventService events, Events eventRepository, JdbcClient jdbc,
            TransactionTemplate transactions, Clock clock) {
        this.venues = venues;
        this.venueRepository = venueRepository;
        this.events = events;
        this.eventRepository = eventRepository;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        transactions.executeWithoutResult(status -> {
            // Serializes replicas starting together; released at commit.
            jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('booking-demo-data'))").query(Object.class).single();
            UUID venue = venueRepository.findByOrganizationIdAndName(DEMO_ORGANIZATION, VENUE_NAME).map(Venue::id)
                    .orElseGet(this::createVenue);
            // The local database outlives runs: when the last demo event's sale is over (or nearly), a new one opens.
            boolean onSale = eventRepository.existsByVenueIdAndStatusAndScheduleOffSaleAtAfter(venue,
                    EventStatus.PUBLISHED, clock.instant().plus(Duration.ofDays(1)));
            if (!onSale) {
                createEvent(venue);
            }
        });
    }

    private UUID createVenue() {
        Venue venue = venues.create(DEMO, DEMO_ORGANIZATION, VENUE_NAME, "Lisbon", "Avenida da Demo 1",
                ZoneId.of("Europe/Lisbon"));
        String[] codes = {"A", "B", "C"};
        for (int i = 0; i < codes.length; i++) {
            venues.addSeatedSection(DEMO, venue.id(), codes[i], "Section " + codes[i],
                    new RowRange("1", "10"), 1, 20, i == 0 ? Set.of("1-1", "1-2", "1-19", "1-20") : Set.of(),
                    i == 2 ? Set.of("10-1", "10-20") : Set.of());
        }
        venues.addGeneralAdmissionArea(DEMO, venue.id(), "FLOOR", "Standing floor", 500);
        log.info("Demo venue created: {}", venue.id());
        return venue.id();
    }

    private void createEvent(UUID venue) {
        Map<String, Long> prices = Map.of("A", 8_900L, "B", 6_500L, "C", 4_500L, "FLOOR", 3_500L);
        List<TierSpec> tiers = new ArrayList<>();
        for (Section section : venues.get(DEMO, venue).sections()) {
            tiers.add(new TierSpec(section.id(), section.seated() ? "Section " + section.code() : "Standing",
                    prices.get(section.code())));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Event event = events.create(DEMO, new NewEvent(venue, "The Demo Tour — Lisbon",
                "A demo concert, on sale now.", now.plus(Duration.ofDays(30)), now.plus(Duration.ofDays(30)).plusSeconds(3 * 3600),
                ZoneId.of("Europe/Lisbon"), now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(29)),
                Currency.getInstance("EUR"), 6, 10, Duration.ofMinutes(10)));
        events.setTiers(DEMO, event.id(), tiers);
        events.publish(DEMO, event.id());
        log.info("Demo on-sale event created: {}", event.id());
    }
}
