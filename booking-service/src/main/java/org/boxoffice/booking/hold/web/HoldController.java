package org.boxoffice.booking.hold.web;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

import org.boxoffice.booking.admission.AdmissionCheck;
import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.platform.admission.AdmissionPass;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** A buyer's holds. Another buyer's hold is a 404. */
@Tag(name = "Holds", description = "Seats held for a buyer for a few minutes, until checkout or expiry")
@RestController
@RequestMapping("/api/v1/holds")
class HoldController {

    private final HoldService holds;
    private final AdmissionCheck admission;
    private final Clock clock;

    HoldController(HoldService holds, AdmissionCheck admission, Clock clock) {
        this.holds = holds;
        this.admission = admission;
        this.clock = clock;
    }

    @PostMapping
    @Operation(operationId = "createHold", summary = "Hold seats, best-available seats or general-admission tickets",
            description = "Give exactly one of `seatIds`, `bestAvailable` or `generalAdmission`. The seats are the "
                    + "buyer's until `expiresAt` (the event's hold duration); check out with POST /api/v1/orders.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                    @ExampleObject(name = "seats", summary = "These seats", value = """
                            {"eventId": "e1000000-0000-4000-8000-000000000001",
                             "seatIds": ["5ea70000-0000-4000-8000-000000000001", "5ea70000-0000-4000-8000-000000000002"]}"""),
                    @ExampleObject(name = "bestAvailable", summary = "The best seats together in a section", value = """
                            {"eventId": "e1000000-0000-4000-8000-000000000001",
                             "bestAvailable": {"sectionId": "5ec70000-0000-4000-8000-000000000001", "quantity": 2}}"""),
                    @ExampleObject(name = "generalAdmission", summary = "Tickets of a general-admission area", value = """
                            {"eventId": "e1000000-0000-4000-8000-000000000001",
                             "generalAdmission": {"sectionId": "5ec70000-0000-4000-8000-000000000002", "quantity": 4}}""")
            })))
    @ApiResponse(responseCode = "201", description = "The hold")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such event, or a section not in it (a hidden "
            + "tier's section without an access code).")
    @ApiResponse(responseCode = "403", description = "`waiting-room-pass-required` or `waiting-room-pass-invalid` "
            + "(`reason`): the event has a waiting room and the pass is missing or does not open this hold.")
    @ApiResponse(responseCode = "409", description = "`seats-unavailable`, `sale-not-open`, `capacity-exceeded`, "
            + "`code-exhausted` or `code-limit-reached` (the pre-sale access code is used up, for everyone or for the "
            + "caller), or `idempotent-request-in-progress`.")
    @ApiResponse(responseCode = "422", description = "`unknown-seats`, `ticket-limit-exceeded`, `unknown-code`, "
            + "`code-not-yet-valid`, `code-expired`, `code-disabled`, `code-not-applicable` (`reason`: a discount code, "
            + "or tickets the access code does not open), or `idempotency-key-reused`.")
    ResponseEntity<HoldResponse> create(CurrentUser user, @Valid @RequestBody CreateHoldRequest request,
            @Parameter(description = "The pass the waiting room gave, for an event that has one (docs/waiting-room.md)")
            @RequestHeader(name = AdmissionPass.HEADER, required = false) @Nullable String pass) {
        admission.require(user.id(), request.eventId(), pass);
        Hold hold = holds.hold(user.id(), user.email(), request.toDomain(), request.accessCode());
        return ResponseEntity.created(URI.create("/api/v1/holds/" + hold.id()))
                .body(HoldResponse.of(hold, clock.instant()));
    }

    @GetMapping("/{holdId}")
    @Operation(operationId = "getHold", summary = "Get one of the caller's holds")
    HoldResponse get(CurrentUser user, @PathVariable UUID holdId) {
        return HoldResponse.of(holds.get(user.id(), holdId), clock.instant());
    }

    @DeleteMapping("/{holdId}")
    @Operation(operationId = "releaseHold", summary = "Release one of the caller's holds",
            description = "The seats are free again at once. Answers the released hold.")
    @ApiResponse(responseCode = "200", description = "The released hold")
    @ApiResponse(responseCode = "409", description = "`hold-not-active` (`currentStatus`): released, expired or checked out "
            + "already.")
    HoldResponse release(CurrentUser user, @PathVariable UUID holdId) {
        return HoldResponse.of(holds.release(user.id(), holdId), clock.instant());
    }
}
