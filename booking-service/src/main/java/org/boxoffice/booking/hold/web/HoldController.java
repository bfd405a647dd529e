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
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;

/** A buyer's holds. Another buyer's hold is a 404. */
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
    @Operation(summary = "Hold seats, best-available seats or general-admission tickets",
            parameters = @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key",
                    description = "Retries with the same key return the first response",
                    schema = @Schema(type = "string")))
    ResponseEntity<HoldResponse> create(CurrentUser user, @Valid @RequestBody CreateHoldRequest request,
            @Parameter(description = "The pass the waiting room gave, for an event that has one (docs/waiting-room.md)")
            @RequestHeader(name = AdmissionPass.HEADER, required = false) @Nullable String pass) {
        admission.require(user.id(), request.eventId(), pass);
        Hold hold = holds.hold(user.id(), user.email(), request.toDomain());
        return ResponseEntity.created(URI.create("/api/v1/holds/" + hold.id()))
                .body(HoldResponse.of(hold, clock.instant()));
    }

    @GetMapping("/{holdId}")
    HoldResponse get(CurrentUser user, @PathVariable UUID holdId) {
        return HoldResponse.of(holds.get(user.id(), holdId), clock.instant());
    }

    @DeleteMapping("/{holdId}")
    HoldResponse release(CurrentUser user, @PathVariable UUID holdId) {
        return HoldResponse.of(holds.release(user.id(), holdId), clock.instant());
    }
}
