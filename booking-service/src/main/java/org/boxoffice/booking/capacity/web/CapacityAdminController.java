package org.boxoffice.booking.capacity.web;

import java.util.UUID;

import org.boxoffice.booking.capacity.CapacityService;
import org.boxoffice.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** An organizer adds capacity to a published event's general-admission area (docs/commerce.md). */
@Tag(name = "Event administration", description = "Organizers create events, price them and run their sales")
@RestController
class CapacityAdminController {

    private final CapacityService capacity;

    CapacityAdminController(CapacityService capacity) {
        this.capacity = capacity;
    }

    /** How many tickets to add to the area: 1 to 100,000. */
    record AddCapacityRequest(@NotNull @Min(1) @Max(100_000) Integer tickets) {
    }

    /**
     * The area after the addition: its {@code capacity}, the tickets {@code offeredToWaitingList} (held for the
     * buyers in line, in order) and those {@code available} to anyone as it committed.
     */
    record CapacityResponse(UUID eventId, UUID sectionId, int added, int capacity, int offeredToWaitingList,
            int available) {

        static CapacityResponse of(CapacityService.Added added) {
            return new CapacityResponse(added.eventId(), added.sectionId(), added.added(), added.capacity(),
                    added.offeredToWaitingList(), added.available());
        }
    }

    @PostMapping("/api/v1/admin/events/{eventId}/sections/{sectionId}/capacity")
    @Operation(operationId = "addAreaCapacity", summary = "Add capacity to a published event's general-admission area",
            description = "The added tickets go to the section's sold-out waiting list first, in line order, each "
                    + "offer held for its buyer for the list's `claimMinutes`; the rest go on sale. Only while the "
                    + "event is PUBLISHED or its sales paused (paused: they go on sale, and to the line once the sale "
                    + "reopens). Send an `Idempotency-Key`: a retry must not add twice.")
    @ApiResponse(responseCode = "200", description = "The area after the addition")
    @ApiResponse(responseCode = "404", description = "`event-not-found` (also another organization's event), "
            + "`section-not-found` (the event does not sell this section).")
    @ApiResponse(responseCode = "409", description = "`event-state-conflict`: a draft, a cancelled or a completed "
            + "event.")
    @ApiResponse(responseCode = "422", description = "`not-general-admission`: a seated section's capacity is its "
            + "seats.")
    CapacityResponse add(CurrentUser user, @PathVariable UUID eventId, @PathVariable UUID sectionId,
            @Valid @RequestBody AddCapacityRequest request) {
        return CapacityResponse.of(capacity.add(user::canManage, eventId, sectionId, request.tickets()));
    }
}
