package org.boxoffice.booking.waitlist.web;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.waitlist.WaitingListAdmin;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** An event's waiting list for its organizer (docs/commerce.md). Another organization's event is a 404. */
@Tag(name = "Waiting lists", description = "A buyer's place in a sold-out section's line, and the tickets offered to it")
@RestController
@RequestMapping("/api/v1/admin/events/{eventId}/waiting-list")
class WaitingListAdminController {

    private final WaitingListAdmin lists;

    WaitingListAdminController(WaitingListAdmin lists) {
        this.lists = lists;
    }

    /** Whether buyers may join, and how many minutes an offer stays open (1 to 1440). */
    record WaitingListSettingRequest(@NotNull Boolean enabled, @NotNull @Min(1) @Max(1440) Integer claimMinutes) {
    }

    /**
     * A section's line (or the event's: {@code sectionId} null): buyers waiting, offers open, offers made, claimed,
     * purchased (the claimed hold became a paid order), expired, declined; conversion = purchased / made, in percent.
     */
    record WaitingListFigures(@Nullable UUID sectionId, long waiting, long offersOut, long offersMade, long claimed,
            long purchased, long expired, long declined, int conversionPercent) {

        static WaitingListFigures of(WaitingListAdmin.Figures figures) {
            return new WaitingListFigures(figures.sectionId(), figures.waiting(), figures.offersOut(),
                    figures.offersMade(), figures.claimed(), figures.purchased(), figures.expired(),
                    figures.declined(), figures.conversionPercent());
        }
    }

    record WaitingListResponse(UUID eventId, boolean enabled, int claimMinutes, WaitingListFigures total,
            List<WaitingListFigures> sections) {

        static WaitingListResponse of(WaitingListAdmin.Overview overview) {
            return new WaitingListResponse(overview.eventId(), overview.enabled(), overview.claimMinutes(),
                    WaitingListFigures.of(overview.total()),
                    overview.sections().stream().map(WaitingListFigures::of).toList());
        }
    }

    @GetMapping
    @Operation(operationId = "getWaitingList", summary = "An event's waiting list: setting, length, offers, conversion")
    @ApiResponse(responseCode = "200", description = "The waiting list")
    @ApiResponse(responseCode = "404", description = "`event-not-found`.")
    WaitingListResponse get(CurrentUser user, @PathVariable UUID eventId) {
        return WaitingListResponse.of(lists.overview(user::canManage, eventId));
    }

    @PutMapping
    @Operation(operationId = "setWaitingList", summary = "Turn an event's waiting list on or off",
            description = "Turning it off ends every waiting place; offers already made stay open until claimed or "
                    + "expired. `claimMinutes` applies to offers made from now on.")
    @ApiResponse(responseCode = "200", description = "The waiting list")
    @ApiResponse(responseCode = "404", description = "`event-not-found`.")
    @ApiResponse(responseCode = "409", description = "`event-state-conflict`: the event is cancelled or completed.")
    WaitingListResponse set(CurrentUser user, @PathVariable UUID eventId, @Valid @RequestBody WaitingListSettingRequest request) {
        return WaitingListResponse.of(lists.configure(user::canManage, eventId, request.enabled(), request.claimMinutes()));
    }
}
