package org.boxoffice.booking.event.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.Charges;
import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventSection;
import org.boxoffice.booking.event.EventStatus;
import org.boxoffice.booking.event.Schedule;
import org.boxoffice.booking.media.ImageSet;
import org.boxoffice.booking.media.web.ImageResponse;
import org.boxoffice.booking.venue.SectionKind;
import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An event as the API shows it, with the sections it sells and their prices (minor units), and the image it shows
 * (its own or its venue's; absent when neither has one).
 */
public record EventResponse(UUID id, UUID organizationId, UUID venueId, String title, String description,
        Instant startsAt, Instant endsAt, String timezone, Instant onSaleAt, Instant offSaleAt, String currency,
        int maxTicketsPerOrder, int maxTicketsPerBuyer, long holdDurationSeconds, EventStatus status,
        long refundableUntilHoursBeforeStart, Instant refundableUntil, List<SectionPrice> sections,
        ChargesResponse charges,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable ImageResponse image) {

    /** The same event showing this image (its own, or its venue's). */
    public EventResponse withImage(@Nullable ImageSet shown) {
        return new EventResponse(id, organizationId, venueId, title, description, startsAt, endsAt, timezone,
                onSaleAt, offSaleAt, currency, maxTicketsPerOrder, maxTicketsPerBuyer, holdDurationSeconds, status,
                refundableUntilHoursBeforeStart, refundableUntil, sections, charges, ImageResponse.ofNullable(shown));
    }

    /**
     * The tax and service fee on every ticket (docs/commerce.md#taxes-and-fees): {@code taxRateBasisPoints} 1900 is
     * 19 %, {@code taxIncluded} says whether prices contain it; the fee is {@code feeFixedMinor} per ticket or
     * {@code feePercentBasisPoints} of its price after discount.
     */
    public record ChargesResponse(String taxLabel, int taxRateBasisPoints, boolean taxIncluded, long feeFixedMinor,
            int feePercentBasisPoints) {

        static ChargesResponse of(Charges charges) {
            return new ChargesResponse(charges.taxLabel(), charges.taxRateBasisPoints(), charges.taxIncluded(),
                    charges.feeFixedMinor(), charges.feePercentBasisPoints());
        }
    }

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
        Schedule schedule = event.schedule();
        return new EventResponse(event.id(), event.organizationId(), event.venueId(), event.title(),
                event.description(), schedule.startsAt(), schedule.endsAt(), schedule.timezone(), schedule.onSaleAt(),
                schedule.offSaleAt(), event.currency().getCurrencyCode(), event.maxPerOrder(), event.maxPerBuyer(),
                event.holdDuration().toSeconds(), event.status(), event.refundCutoff().toHours(),
                event.refundableUntil(), sections.stream()
                        .map(s -> new SectionPrice(s.sectionId(), s.code(), s.name(), s.kind(), s.capacity(), s.tier(),
                                s.priceMinor(), s.currency().getCurrencyCode(), s.hidden()))
                        .toList(), ChargesResponse.of(event.charges()), null);
    }
}
