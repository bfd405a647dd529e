package org.boxoffice.booking.ticket.web;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.ticket.TicketTransfers;
import org.boxoffice.booking.ticket.TransferPolicy;
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

/** An event's rule for ticket transfers (docs/commerce.md). Another organization's event is a 404. */
@Tag(name = "Event administration")
@RestController
@RequestMapping("/api/v1/admin/events/{eventId}/transfer-policy")
class TransferPolicyController {

    private final TicketTransfers transfers;

    TransferPolicyController(TicketTransfers transfers) {
        this.transfers = transfers;
    }

    /** Whether buyers may transfer tickets, and until when ({@code deadline} null: until the event starts). */
    record TransferPolicyRequest(boolean enabled, @Nullable Instant deadline) {
    }

    /** The event's rule; transfers are never possible after the event starts, whatever {@code deadline} says. */
    record TransferPolicyResponse(UUID eventId, boolean enabled, @Nullable Instant deadline) {

        static TransferPolicyResponse of(TransferPolicy policy) {
            return new TransferPolicyResponse(policy.eventId(), policy.enabled(), policy.deadline());
        }
    }

    @GetMapping
    @Operation(operationId = "getTransferPolicy", summary = "Whether and until when buyers may transfer tickets",
            description = "An event whose organizer set nothing allows transfers until it starts.")
    @ApiResponse(responseCode = "200", description = "The event's transfer rule")
    @ApiResponse(responseCode = "404", description = "`event-not-found`.")
    TransferPolicyResponse get(CurrentUser user, @PathVariable UUID eventId) {
        return TransferPolicyResponse.of(transfers.policy(user::canManage, eventId));
    }

    @PutMapping
    @Operation(operationId = "setTransferPolicy", summary = "Allow or forbid ticket transfers, optionally until a deadline",
            description = "Applies to transfers from now on; tickets already transferred stay with their recipients.")
    @ApiResponse(responseCode = "200", description = "The event's transfer rule")
    @ApiResponse(responseCode = "404", description = "`event-not-found`.")
    TransferPolicyResponse set(CurrentUser user, @PathVariable UUID eventId,
            @Valid @RequestBody TransferPolicyRequest request) {
        return TransferPolicyResponse.of(transfers.setPolicy(user::canManage, eventId, request.enabled(),
                request.deadline()));
    }
}
