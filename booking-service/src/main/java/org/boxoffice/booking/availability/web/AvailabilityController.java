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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** What is left of an event, from the availability cache; cheap enough to poll during an on-sale. */
@Tag(name = "Events")
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
    @Operation(operationId = "getAvailability", summary = "Get how many places each section of an event has left",
            description = "Advice, cached for a second: the hold decides.")
    @ApiResponse(responseCode = "200", description = "Places left per section")
    @ApiResponse(responseCode = "304", description = "Not modified")
    ResponseEntity<EventAvailability> sections(@PathVariable UUID eventId) {
        return ResponseEntity.ok().cacheControl(CatalogCaching.AVAILABILITY)
                .body(new EventAvailability(eventId, availability.sections(eventId)));
    }

    @GetMapping("/sections/{sectionId}/seats")
    @Operation(operationId = "getSectionSeats", summary = "Get the seats of a seated section and whether each is free",
            description = "Advice, cached for a second: the hold decides.")
    @ApiResponse(responseCode = "200", description = "The section's seats")
    @ApiResponse(responseCode = "304", description = "Not modified")
    ResponseEntity<SectionSeats> seats(@PathVariable UUID eventId, @PathVariable UUID sectionId) {
        return ResponseEntity.ok().cacheControl(CatalogCaching.AVAILABILITY)
                .body(new SectionSeats(eventId, sectionId, availability.seats(eventId, sectionId)));
    }
}
