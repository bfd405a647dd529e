package org.boxoffice.booking.ticket.web;

import org.boxoffice.booking.question.AttendeeQuestions;
import org.boxoffice.booking.ticket.Ticket;
import org.boxoffice.booking.ticket.TicketService;
import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Door check-in for organizers of the ticket's organization: a typed code or a scanned QR payload admits once; a
 * second scan is a 409 saying when the first was.
 */
@Tag(name = "Check-in", description = "Admitting ticket holders at the door")
@RestController
@RequestMapping("/api/v1/admin/check-ins")
class CheckInController {

    private final TicketService tickets;
    private final AttendeeQuestions questions;

    CheckInController(TicketService tickets, AttendeeQuestions questions) {
        this.tickets = tickets;
        this.questions = questions;
    }

    record CheckInRequest(@Nullable @Size(max = 64) String code, @Nullable @Size(max = 512) String qrPayload) {
    }

    static final class OneOfCodeOrPayload extends ProblemException {
        OneOfCodeOrPayload() {
            super(ProblemType.VALIDATION_FAILED, "code: give either code or qrPayload, exactly one");
            with("errors", java.util.List.of(new FieldViolation("code", "give either code or qrPayload, exactly one")));
        }
    }

    @PostMapping
    @Operation(operationId = "checkInTicket", summary = "Check a ticket in at the door, by its code or its QR payload",
            description = "Give exactly one of `code` or `qrPayload`. A ticket is admitted once. The answer shows the "
                    + "order's and this ticket's answers to the event's attendee questions.")
    @ApiResponse(responseCode = "200", description = "The ticket, checked in")
    @ApiResponse(responseCode = "404", description = "`not-found`: no ticket with that code at an event of the "
            + "caller's organization.")
    @ApiResponse(responseCode = "409", description = "`ticket-already-checked-in` (when, in the problem), `ticket-void`, "
            + "or `ticket-transferred`: the buyer handed the ticket on, and only its replacement admits.")
    @ApiResponse(responseCode = "400", description = "`validation-failed` (`errors`), or `invalid-ticket-signature`: the QR "
            + "payload was not signed by us.")
    TicketResponse checkIn(CurrentUser user, @Valid @RequestBody CheckInRequest request) {
        boolean hasCode = request.code() != null && !request.code().isBlank();
        boolean hasPayload = request.qrPayload() != null && !request.qrPayload().isBlank();
        if (hasCode == hasPayload) {
            throw new OneOfCodeOrPayload();
        }
        Ticket ticket = tickets.checkIn(user::canManage, hasCode ? request.code() : null,
                hasPayload ? request.qrPayload() : null);
        return TicketResponse.atTheDoor(ticket, questions.ofTicket(ticket.orderId(), ticket.position()));
    }
}
