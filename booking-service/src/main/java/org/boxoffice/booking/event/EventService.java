package org.boxoffice.booking.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.boxoffice.booking.messaging.BookingEvents;
import org.boxoffice.booking.messaging.Published;
import org.boxoffice.booking.system.BookingProperties;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.boxoffice.booking.venue.Section;
import org.boxoffice.booking.venue.SectionKind;
import org.boxoffice.booking.venue.SectionNotFound;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.booking.venue.Venues;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizers' events: definition, price tiers and lifecycle; and the published catalog buyers browse. */
@Service
public class EventService {

    private static final Sort BY_START = Sort.by("schedule.startsAt", "id");

    private final Events events;
    private final EventInventory inventory;
    private final Venues venues;
    private final VenueService venueService;
    private final ApplicationEventPublisher publisher;
    private final BookingEvents announcements;
    private final Clock clock;
    private final Duration listingTtl;
    private final Map<UUID, Listing> listings = new ConcurrentHashMap<>();

    EventService(Events events, EventInventory inventory, Venues venues, VenueService venueService,
            ApplicationEventPublisher publisher, BookingEvents announcements, Clock clock,
            BookingProperties properties) {
        this.events = events;
        this.inventory = inventory;
        this.venues = venues;
        this.venueService = venueService;
        this.publisher = publisher;
        this.announcements = announcements;
        this.clock = clock;
        this.listingTtl = properties.listingTtl();
    }

    /** A listed event with its sections as buyers see it, and when this replica read it. */
    public record Listing(Event event, List<EventSection> sections, Instant readAt) {

        /** The section of the event, if it sells it. */
        public java.util.Optional<EventSection> section(UUID sectionId) {
            return sections.stream().filter(section -> section.sectionId().equals(sectionId)).findFirst();
        }
    }

    /**
     * The listed event and its sections, from memory for {@code boxoffice.booking.listing-ttl}: what buyers browse
     * and what the hold path checks the sale window against, without a database connection per request. An
     * organizer's change reaches this replica at once and the others within the TTL; the saga (checkout, payment)
     * reads the event itself. Unknown and unlisted events are not remembered.
     */
    public Listing listing(UUID eventId) {
        Instant now = clock.instant();
        Listing listing = listings.get(eventId);
        if (listing == null || !listing.readAt().plus(listingTtl).isAfter(now)) {
            listing = new Listing(listed(eventId), sections(eventId), now);
            listings.put(eventId, listing);
        }
        return listing;
    }

    @Transactional
    public Event create(OrganizerAccess access, NewEvent spec) {
        var venue = venueService.get(access, spec.venueId());
        return events.save(new Event(venue.organizationId(), spec, clock.instant()));
    }

    /** The event, if it exists and the caller manages its organization. */
    @Transactional(readOnly = true)
    public Event get(OrganizerAccess access, UUID eventId) {
        return events.findById(eventId).filter(event -> access.canManage(event.organizationId()))
                .orElseThrow(() -> new EventNotFound(eventId));
    }

    @Transactional(readOnly = true)
    public PageResponse<Event> search(EventSearch search, PageQuery page) {
        return PageResponse.of(events.findAll(EventSpecifications.matching(search), page.sorted(BY_START)), page);
    }

    /** Any event, whatever its state: for the saga, which must finish what it started even on a cancelled event. */
    @Transactional(readOnly = true)
    public Event byId(UUID eventId) {
        return events.findById(eventId).orElseThrow(() -> new EventNotFound(eventId));
    }

    /** A published (or paused) event as buyers see it; drafts and others do not exist for them. */
    @Transactional(readOnly = true)
    public Event listed(UUID eventId) {
        return events.findById(eventId).filter(event -> event.status().listed())
                .orElseThrow(() -> new EventNotFound(eventId));
    }

    @Transactional(readOnly = true)
    public List<EventSection> sections(UUID eventId) {
        return events.sections(eventId);
    }

    /** Replaces the event's price tiers; only while it is a draft, because a published event's prices are fixed. */
    @Transactional
    public List<PriceTier> setTiers(OrganizerAccess access, UUID eventId, List<TierSpec> tiers) {
        Event event = locked(access, eventId);
        Set<UUID> sections = venues.findById(event.venueId()).orElseThrow().sections().stream().map(Section::id)
                .collect(Collectors.toSet());
        event.setTiers(tiers, sections);
        return event.tiers();
    }

    /** Sets the event's tax and service fee; only while it is a draft, like its prices. */
    @Transactional
    public Event setCharges(OrganizerAccess access, UUID eventId, Charges charges) {
        Event event = locked(access, eventId);
        event.setCharges(charges, clock.instant());
        return changed(event);
    }

    /** Publishes a draft: freezes its seat map by copying the priced sections' seats and areas into its inventory. */
    @Transactional
    public Event publish(OrganizerAccess access, UUID eventId) {
        Event event = locked(access, eventId);
        event.publish(clock.instant());
        // The copy reads the tiers in SQL: tiers set earlier in this transaction must be written first.
        events.flush();
        int tickets = inventory.materialize(eventId);
        if (tickets == 0) {
            throw new EventStateConflict(eventId, EventStatus.DRAFT, "The priced sections have no seats or capacity.");
        }
        changed(event);
        announcements.announce(new Published.EventPublished(eventId, event.organizationId(), event.title(),
                event.schedule().startsAt(), tickets, clock.instant()));
        return event;
    }

    /**
     * Adds {@code tickets} to the capacity of the event's general-admission area {@code sectionId}, on the event's
     * locked row (in the caller's transaction, which raises the area's inventory with it): only while the event is
     * published or its sales paused, and only to an area it sells. Answers the event.
     */
    @Transactional
    public Event addCapacity(OrganizerAccess access, UUID eventId, UUID sectionId, int tickets) {
        Event event = locked(access, eventId);
        if (!event.status().listed()) {
            throw new EventStateConflict(eventId, event.status(), event.status() == EventStatus.DRAFT
                    ? "A draft's areas are published with the venue's capacity: change the venue's area instead."
                    : "Capacity can be added only while the event is published.");
        }
        PriceTier tier = event.tiers().stream().filter(t -> t.sectionId().equals(sectionId)).findFirst()
                .orElseThrow(() -> new SectionNotFound(sectionId));
        SectionKind kind = venues.findById(event.venueId()).orElseThrow().sections().stream()
                .filter(section -> section.id().equals(sectionId)).map(Section::kind).findFirst().orElseThrow();
        tier.addCapacity(kind, tickets);
        return changed(event);
    }

    /** Announces capacity added to the event's area {@code sectionId}, with the event's tickets after it. */
    @Transactional
    public void capacityAdded(UUID eventId, UUID sectionId, int added) {
        Event event = byId(eventId);
        announcements.announce(new Published.EventCapacityAdded(eventId, event.organizationId(), sectionId, added,
                inventory.tickets(eventId), clock.instant()));
    }

    @Transactional
    public Event pauseSales(OrganizerAccess access, UUID eventId) {
        Event event = locked(access, eventId);
        event.pauseSales(clock.instant());
        return changed(event);
    }

    @Transactional
    public Event resumeSales(OrganizerAccess access, UUID eventId) {
        Event event = locked(access, eventId);
        event.resumeSales(clock.instant());
        return changed(event);
    }

    @Transactional
    public Event complete(OrganizerAccess access, UUID eventId) {
        Event event = locked(access, eventId);
        event.complete(clock.instant());
        return changed(event);
    }

    /**
     * Cancels the event; in the same transaction its holds are released, its unpaid orders cancelled and its paid
     * orders sent for a refund.
     */
    @Transactional
    public Event cancel(OrganizerAccess access, UUID eventId) {
        Event event = locked(access, eventId);
        event.cancel(clock.instant());
        changed(event);
        publisher.publishEvent(new EventCancelled(eventId));
        announcements.announce(new Published.EventCancelled(eventId, event.organizationId(), event.title(),
                event.schedule().startsAt(), event.updatedAt()));
        return event;
    }

    /** The caller's event, its row locked: of two concurrent organizer actions, the second sees the first's result. */
    private Event locked(OrganizerAccess access, UUID eventId) {
        return events.findForUpdate(eventId).filter(e -> access.canManage(e.organizationId()))
                .orElseThrow(() -> new EventNotFound(eventId));
    }

    /** Writes the change now (the caller's later statements read the event table) and forgets the listing. */
    private Event changed(Event event) {
        events.flush();
        listings.remove(event.id());
        return event;
    }
}
