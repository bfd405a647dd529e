package org.boxoffice.booking.ticket.web;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.question.AttendeeQuestions;
import org.boxoffice.booking.ticket.Ticket;
import org.boxoffice.booking.ticket.TicketService;
import org.boxoffice.booking.ticket.TicketTransfers;
import org.boxoffice.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A buyer's own tickets. Another buyer's ticket or order is a 404. */
@Tag(name = "Tickets", description = "A buyer's tickets with their signed QR payloads")
@RestController
@RequestMapping("/api/v1/tickets")
class TicketController {

    private final TicketService tickets;
    private final TicketTransfers transfers;
    private final AttendeeQuestions questions;

    TicketController(TicketService tickets, TicketTransfers transfers, AttendeeQuestions questions) {
        this.tickets = tickets;
        this.transfers = transfers;
        this.questions = questions;
    }

    /** Whom to hand the ticket to. */
    record TransferRequest(@NotBlank @Email @Size(max = 254) String recipientEmail) {
    }

    @GetMapping
    @Operation(operationId = "listOrderTickets", summary = "List the tickets of one of the caller's orders")
    @ApiResponse(responseCode = "200", description = "The order's tickets (none before it is confirmed)")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such order of the caller's.")
    List<TicketResponse> ofOrder(CurrentUser user, @RequestParam UUID orderId) {
        List<Ticket> mine = tickets.ofOrder(user.id(), orderId);
        List<AttendeeQuestions.Answered> answers = questions.ofOrder(orderId);
        return mine.stream().map(t -> TicketResponse.forBuyer(t, answers)).toList();
    }

    @GetMapping("/{ticketId}")
    @Operation(operationId = "getTicket", summary = "Get one of the caller's tickets")
    TicketResponse get(CurrentUser user, @PathVariable UUID ticketId) {
        Ticket ticket = tickets.get(user.id(), ticketId);
        return TicketResponse.forBuyer(ticket, questions.ofOrder(ticket.orderId()));
    }

    @PostMapping("/{ticketId}/transfer")
    @Operation(operationId = "transferTicket", summary = "Hand one of the caller's tickets to another email address",
            description = "The ticket becomes VOID (with `transferredAt`) and admits nobody from now on; a new ticket (new code, new "
                    + "QR) takes its place in the order and is emailed to the recipient. Before the event starts and "
                    + "the organizer's deadline, if the organizer allows transfers; never after check-in.")
    @ApiResponse(responseCode = "200", description = "The new ticket (its code and QR are the recipient's: empty here)")
    @ApiResponse(responseCode = "404", description = "`ticket-not-found`: no such ticket of the caller's.")
    @ApiResponse(responseCode = "409", description = "`ticket-already-checked-in`, `ticket-void`, `ticket-transferred` "
            + "(transferred already: transfer its replacement), `transfer-not-allowed` (`reason`: DISABLED or "
            + "DEADLINE_PASSED), or `idempotent-request-in-progress`.")
    @ApiResponse(responseCode = "400", description = "`validation-failed` (`errors`): no valid recipientEmail.")
    TicketResponse transfer(CurrentUser user, @PathVariable UUID ticketId,
            @Valid @RequestBody TransferRequest request) {
        Ticket replacement = transfers.transfer(user.id(), ticketId, request.recipientEmail());
        return TicketResponse.forBuyer(replacement, questions.ofOrder(replacement.orderId()));
    }
}
