package org.boxoffice.booking.event.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventSection;
import org.boxoffice.booking.event.EventStatus;
import org.boxoffice.booking.venue.SectionKind;

/** An event as the API shows it, with the sections it sells and their prices (minor units). */
public record EventResponse(UUID id, UUID organizationId, UUID venueId, String title, String description,
        Instant startsAt, Instant endsAt, String timezone, Instant onSaleAt, Instant offSaleAt, String currency,
        int maxTicketsPerOrder, int maxTicketsPerBuyer, long holdDurationSeconds, EventStatus status,
        long refundableUntilHoursBeforeStart, Instant refundableUntil, List<SectionPrice> sections) {

    /**
     * A section or area on sale with its price tier; {@code hidden} tiers are shown to the organizer only (buyers
     * reach them with an access code).
     */
    public record SectionPrice(UUID sectionId, String code, String name, SectionKind kind, int capacity,
            String tier, long priceMinor, String currency, boolean hidden) {
    }

    /** The event as buyers see it: without its hidden tiers. */
    static EventResponse listed(Event event, List<EventSection> sections) {
        return of(event, sections.stream().filter(section -> !section.hidden()).toList());
    }

    static EventResponse of(Event event, List<EventSection> sections) {
        return new EventResponse(event.id(), event.organizationId(), event.venueId(), event.title(),
                event.description(), event.startsAt(), event.endsAt(), event.timezone().getId(), event.onSaleAt(),
                event.offSaleAt(), event.currency().getCurrencyCode(), event.maxPerOrder(), event.maxPerBuyer(),
                event.holdDuration().toSeconds(), event.status(), event.refundCutoff().toHours(),
                event.refundableUntil(), sections.stream()
                        .map(s -> new SectionPrice(s.sectionId(), s.code(), s.name(), s.kind(), s.capacity(), s.tier(),
                                s.priceMinor(), s.currency().getCurrencyCode(), s.hidden()))
                        .toList());
    }
}
