package org.boxoffice.booking.ticket.web;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.ticket.TicketService;
import org.boxoffice.platform.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A buyer's own tickets. Another buyer's ticket or order is a 404. */
@Tag(name = "Tickets", description = "A buyer's tickets with their signed QR payloads")
@RestController
@RequestMapping("/api/v1/tickets")
class TicketController {

    private final TicketService tickets;

    TicketController(TicketService tickets) {
        this.tickets = tickets;
    }

    @GetMapping
    @Operation(operationId = "listOrderTickets", summary = "List the tickets of one of the caller's orders")
    @ApiResponse(responseCode = "200", description = "The order's tickets (none before it is confirmed)")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such order of the caller's.")
    List<TicketResponse> ofOrder(CurrentUser user, @RequestParam UUID orderId) {
        return tickets.ofOrder(user.id(), orderId).stream().map(TicketResponse::of).toList();
    }

    @GetMapping("/{ticketId}")
    @Operation(operationId = "getTicket", summary = "Get one of the caller's tickets")
    TicketResponse get(CurrentUser user, @PathVariable UUID ticketId) {
        return TicketResponse.of(tickets.get(user.id(), ticketId));
    }
}
