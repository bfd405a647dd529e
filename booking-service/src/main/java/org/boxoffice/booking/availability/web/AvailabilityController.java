package org.boxoffice.booking.availability.web;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.availability.AvailabilityService;
import org.boxoffice.booking.availability.AvailabilityService.SeatAvailability;
import org.boxoffice.booking.availability.SectionAvailability;
import org.boxoffice.booking.system.CatalogCaching;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What is left of an event, from the availability cache; cheap enough to poll during an on-sale. */
@RestController
@RequestMapping("/api/v1/events/{eventId}")
class AvailabilityController {

    private final AvailabilityService availability;

    AvailabilityController(AvailabilityService availability) {
        this.availability = availability;
    }

    record EventAvailability(UUID eventId, List<SectionAvailability> sections) {
    }

    record SectionSeats(UUID eventId, UUID sectionId, List<SeatAvailability> seats) {
    }

    @GetMapping("/availability")
    ResponseEntity<EventAvailability> sections(@PathVariable UUID eventId) {
        return ResponseEntity.ok().cacheControl(CatalogCaching.AVAILABILITY)
                .body(new EventAvailability(eventId, availability.sections(eventId)));
    }

    @GetMapping("/sections/{sectionId}/seats")
    ResponseEntity<SectionSeats> seats(@PathVariable UUID eventId, @PathVariable UUID sectionId) {
        return ResponseEntity.ok().cacheControl(CatalogCaching.AVAILABILITY)
                .body(new SectionSeats(eventId, sectionId, availability.seats(eventId, sectionId)));
    }
}
