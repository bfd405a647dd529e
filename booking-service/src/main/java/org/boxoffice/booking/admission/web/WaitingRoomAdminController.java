package org.boxoffice.booking.admission.web;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.admission.AdmissionMode;
import org.boxoffice.booking.admission.WaitingRoom;
import org.boxoffice.booking.admission.WaitingRoomService;
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

/**
 * An event's waiting room setting (docs/waiting-room.md). The live queue — its length, pausing it, changing the rate
 * for this sale, letting everyone in — is the gateway's, at {@code /api/v1/admin/waiting-room/events/{eventId}}.
 * Another organization's event is a 404.
 */
@Tag(name = "Event administration")
@RestController
@RequestMapping("/api/v1/admin/events/{eventId}/waiting-room")
class WaitingRoomAdminController {

    private final WaitingRoomService rooms;

    WaitingRoomAdminController(WaitingRoomService rooms) {
        this.rooms = rooms;
    }

    /** A change to the setting; a field left out keeps its current value (or the default of an event without one). */
    record WaitingRoomRequest(@NotNull Boolean enabled, @Nullable AdmissionMode mode,
            @Nullable @Min(1) @Max(100_000) Integer ratePerMinute,
            @Nullable @Min(1) @Max(100_000) Integer minRatePerMinute,
            @Nullable @Min(1) @Max(100_000) Integer maxRatePerMinute,
            @Nullable @Min(0) @Max(1_440) Integer opensMinutesBeforeSale,
            @Nullable @Min(1) @Max(60) Integer passMinutes) {

        WaitingRoom applyTo(WaitingRoom current) {
            return new WaitingRoom(current.eventId(), enabled, mode == null ? current.mode() : mode,
                    or(ratePerMinute, current.ratePerMinute()), or(minRatePerMinute, current.minRatePerMinute()),
                    or(maxRatePerMinute, current.maxRatePerMinute()),
                    opensMinutesBeforeSale == null ? current.opensBefore() : Duration.ofMinutes(opensMinutesBeforeSale),
                    passMinutes == null ? current.passLifetime() : Duration.ofMinutes(passMinutes),
                            current.updatedAt());
        }

        private static int or(@Nullable Integer value, int current) {
            return value == null ? current : value;
        }
    }

    record WaitingRoomResponse(UUID eventId, boolean enabled, AdmissionMode mode, int ratePerMinute,
            int minRatePerMinute, int maxRatePerMinute, long opensMinutesBeforeSale, long passMinutes,
            Instant queueOpensAt, Instant saleOpensAt, Instant updatedAt, String liveQueue) {

        static WaitingRoomResponse of(WaitingRoomService.Configured configured) {
            WaitingRoom room = configured.room();
            Instant onSale = configured.event().schedule().onSaleAt();
            return new WaitingRoomResponse(room.eventId(), room.enabled(), room.mode(), room.ratePerMinute(),
                    room.minRatePerMinute(), room.maxRatePerMinute(), room.opensBefore().toMinutes(),
                    room.passLifetime().toMinutes(), onSale.minus(room.opensBefore()), onSale, room.updatedAt(),
                    "/api/v1/admin/waiting-room/events/" + room.eventId());
        }
    }

    @GetMapping
    @Operation(operationId = "getWaitingRoomSettings", summary = "Get the waiting room setting of an event",
            description = "The live queue is at `liveQueue` on the gateway.")
    WaitingRoomResponse get(CurrentUser user, @PathVariable UUID eventId) {
        return WaitingRoomResponse.of(rooms.get(user::canManage, eventId));
    }

    @PutMapping
    @Operation(operationId = "configureWaitingRoom",
            summary = "Turn the event's waiting room on or off and set its admission rate",
            description = "FIXED lets buyers in at ratePerMinute; AUTO starts there and adjusts between "
                    + "minRatePerMinute and maxRatePerMinute from the platform's health. Fields left out keep their value.")
    @ApiResponse(responseCode = "200", description = "The setting")
    @ApiResponse(responseCode = "422", description = "`invalid-waiting-room` (`errors`): rates out of order, ...")
    @ApiResponse(responseCode = "409", description = "`event-state-conflict` (`currentStatus`): the event is cancelled "
            + "or completed: its waiting room can no longer change")
    WaitingRoomResponse configure(CurrentUser user, @PathVariable UUID eventId,
            @Valid @RequestBody WaitingRoomRequest request) {
        return WaitingRoomResponse.of(rooms.configure(user::canManage, eventId, request::applyTo));
    }
}
