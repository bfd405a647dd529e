package org.boxoffice.booking.event.web;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.event.EventSearch;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.CatalogCaching;
import org.boxoffice.booking.system.PageResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Published events for everyone, no account needed. */
@Tag(name = "Events", description = "The catalogue buyers browse: published events, no account needed")
@RestController
@RequestMapping("/api/v1/events")
class EventCatalogController {

    private final EventService events;
    private final EventImages images;

    EventCatalogController(EventService events, EventImages images) {
        this.events = events;
        this.images = images;
    }

    @GetMapping
    @Operation(operationId = "searchEvents", summary = "Search the event catalogue",
            description = "Published events on sale or coming up, soonest first; filter by time window, venue, city or "
                    + "text. Cached for 5 seconds by shared caches.")
    @ApiResponse(responseCode = "200", description = "A page of events")
    @ApiResponse(responseCode = "304", description = "Not modified")
    ResponseEntity<PageResponse<EventResponse>> search(@RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable UUID venueId,
            @RequestParam(required = false) @Nullable @Size(max = 100) String city,
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return ResponseEntity.ok().cacheControl(CatalogCaching.CATALOGUE).body(images.page(events.search(
                EventSearch.listed(from, to, venueId, blankToNull(city), blankToNull(q)), new PageQuery(page, size))));
    }

    @GetMapping("/{eventId}")
    @Operation(operationId = "getEvent", summary = "Get an event with its sections and price tiers")
    @ApiResponse(responseCode = "200", description = "The event")
    @ApiResponse(responseCode = "304", description = "Not modified")
    ResponseEntity<EventResponse> get(@PathVariable UUID eventId) {
        EventService.Listing listing = events.listing(eventId);
        return ResponseEntity.ok().cacheControl(CatalogCaching.CATALOGUE)
                .body(images.one(EventResponse.listed(listing.event(), listing.sections())));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
