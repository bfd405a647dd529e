package org.boxoffice.booking.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.boxoffice.booking.messaging.BookingEvents;
import org.boxoffice.booking.messaging.Published;
import org.boxoffice.booking.system.BookingProperties;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.boxoffice.booking.venue.Section;
import org.boxoffice.booking.venue.VenueService;
import org.boxoffice.booking.venue.Venues;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizers' events: definition, price tiers and lifecycle; and the published catalog buyers browse. */
@Service
public class EventService {

    static final Duration MAX_HOLD = Duration.ofHours(1);
    static final Duration MIN_HOLD = Duration.ofMinutes(1);

    private final Events events;
    private final Venues venues;
    private final VenueService venueService;
    private final ApplicationEventPublisher publisher;
    private final BookingEvents announcements;
    private final Clock clock;
    private final Duration listingTtl;
    private final Map<UUID, Listing> listings = new ConcurrentHashMap<>();

    EventService(Events events, Venues venues, VenueService venueService, ApplicationEventPublisher publisher,
            BookingEvents announcements, Clock clock, BookingProperties properties) {
        this.events = events;
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
        if (!spec.endsAt().isAfter(spec.startsAt())) {
            throw new InvalidEvent("endsAt", "The event must end after it starts.");
        }
        if (!spec.offSaleAt().isAfter(spec.onSaleAt())) {
            throw new InvalidEvent("offSaleAt", "Sales must close after they open.");
        }
        if (spec.offSaleAt().isAfter(spec.endsAt())) {
            throw new InvalidEvent("offSaleAt", "Sales must close by the end of the event.");
        }
        if (spec.maxPerOrder() > spec.maxPerBuyer()) {
            throw new InvalidEvent("maxTicketsPerOrder", "An order cannot allow more tickets than a buyer may have.");
        }
        if (spec.holdDuration().compareTo(MIN_HOLD) < 0 || spec.holdDuration().compareTo(MAX_HOLD) > 0) {
            throw new InvalidEvent("holdDuration", "Hold duration must be between 1 and 60 minutes.");
        }
        Instant now = clock.instant();
        Event event = new Event(UUID.randomUUID(), venue.organizationId(), venue.id(), spec.title().strip(),
                spec.description().strip(), spec.startsAt(), spec.endsAt(), spec.timezone(), spec.onSaleAt(),
                spec.offSaleAt(), spec.currency(), spec.maxPerOrder(), spec.maxPerBuyer(), spec.holdDuration(),
                EventStatus.DRAFT, now, now, Duration.ofHours(spec.refundCutoff().toHours()));
        events.insert(event);
        return event;
    }

    /** The event, if it exists and the caller manages its organization. */
    @Transactional(readOnly = true)
    public Event get(OrganizerAccess access, UUID eventId) {
        return events.find(eventId).filter(event -> access.canManage(event.organizationId()))
                .orElseThrow(() -> new EventNotFound(eventId));
    }

    @Transactional(readOnly = true)
    public PageResponse<Event> search(EventSearch search, PageQuery page) {
        return PageResponse.of(events.search(search, page), page, events.count(search));
    }

    /** Any event, whatever its state: for the saga, which must finish what it started even on a cancelled event. */
    @Transactional(readOnly = true)
    public Event byId(UUID eventId) {
        return events.find(eventId).orElseThrow(() -> new EventNotFound(eventId));
    }

    /** A published (or paused) event as buyers see it; drafts and others do not exist for them. */
    @Transactional(readOnly = true)
    public Event listed(UUID eventId) {
        return events.find(eventId).filter(event -> event.status().listed())
                .orElseThrow(() -> new EventNotFound(eventId));
    }

    @Transactional(readOnly = true)
    public List<EventSection> sections(UUID eventId) {
        return events.sections(eventId);
    }

    /** Replaces the event's price tiers; only while it is a draft, because a published event's prices are fixed. */
    @Transactional
    public List<PriceTier> setTiers(OrganizerAccess access, UUID eventId, List<TierSpec> tiers) {
        Event event = events.findForUpdate(eventId).filter(e -> access.canManage(e.organizationId()))
                .orElseThrow(() -> new EventNotFound(eventId));
        if (event.status() != EventStatus.DRAFT) {
            throw new EventStateConflict(eventId, event.status(),
                    "Price tiers are fixed once an event is published.");
        }
        Map<UUID, Section> sections = venues.findById(event.venueId()).orElseThrow().sections().stream()
                .collect(Collectors.toMap(Section::id, Function.identity()));
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            TierSpec tier = tiers.get(i);
            if (!sections.containsKey(tier.sectionId())) {
                throw new InvalidEvent("tiers[" + i + "].sectionId",
                        "Section " + tier.sectionId() + " is not part of the event's venue.");
            }
            if (!seen.add(tier.sectionId())) {
                throw new InvalidEvent("tiers[" + i + "].sectionId",
                        "Section " + tier.sectionId() + " has more than one tier.");
            }
        }
        List<PriceTier> priced = tiers.stream().map(tier -> new PriceTier(UUID.randomUUID(), eventId,
                tier.sectionId(), tier.name().strip(), tier.amountMinor(), event.currency())).toList();
        events.replaceTiers(eventId, priced);
        return events.tiers(eventId);
    }

    @Transactional(readOnly = true)
    public List<PriceTier> tiers(UUID eventId) {
        return events.tiers(eventId);
    }

    /** Publishes a draft: freezes its seat map by copying the priced sections' seats and areas into its inventory. */
    @Transactional
    public Event publish(OrganizerAccess access, UUID eventId) {
        Event event = locked(access, eventId);
        Event published = event.publish(clock.instant());
        if (events.tiers(eventId).isEmpty()) {
            throw new EventStateConflict(eventId, event.status(), "Give at least one section a price tier before publishing.");
        }
        int tickets = events.materializeInventory(eventId);
        if (tickets == 0) {
            throw new EventStateConflict(eventId, event.status(), "The priced sections have no seats or capacity.");
        }
        store(event, published);
        announcements.announce(new Published.EventPublished(eventId, event.organizationId(), event.title(),
                event.startsAt(), tickets, clock.instant()));
        return published;
    }

    @Transactional
    public Event pauseSales(OrganizerAccess access, UUID eventId) {
        Event event = locked(access, eventId);
        return store(event, event.pauseSales(clock.instant()));
    }

    @Transactional
    public Event resumeSales(OrganizerAccess access, UUID eventId) {
        Event event = locked(access, eventId);
        return store(event, event.resumeSales(clock.instant()));
    }

    @Transactional
    public Event complete(OrganizerAccess access, UUID eventId) {
        Event event = locked(access, eventId);
        return store(event, event.complete(clock.instant()));
    }

    /**
     * Cancels the event; in the same transaction its holds are released, its unpaid orders cancelled and its paid
     * orders sent for a refund.
     */
    @Transactional
    public Event cancel(OrganizerAccess access, UUID eventId) {
        Event event = locked(access, eventId);
        Event cancelled = store(event, event.cancel(clock.instant()));
        publisher.publishEvent(new EventCancelled(eventId));
        announcements.announce(new Published.EventCancelled(eventId, event.organizationId(), event.title(),
                event.startsAt(), cancelled.updatedAt()));
        return cancelled;
    }

    private Event locked(OrganizerAccess access, UUID eventId) {
        return events.findForUpdate(eventId).filter(e -> access.canManage(e.organizationId()))
                .orElseThrow(() -> new EventNotFound(eventId));
    }

    private Event store(Event before, Event after) {
        listings.remove(before.id());
        if (!events.transition(before, after)) {
            throw new EventStateConflict(before.id(), before.status(), after.status());
        }
        return after;
    }
}
