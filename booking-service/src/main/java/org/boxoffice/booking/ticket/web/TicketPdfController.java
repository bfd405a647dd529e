package org.boxoffice.booking.ticket.web;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.ticket.TicketDocuments;
import org.boxoffice.platform.security.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A buyer's ticket as a PDF, through a short-lived signed link: first ask for the link, then open it with the same
 * account's token. Another account's ticket is a 404; an expired or altered link a 403.
 */
@Tag(name = "Tickets", description = "A buyer's tickets with their signed QR payloads")
@RestController
@RequestMapping("/api/v1/tickets/{ticketId}")
class TicketPdfController {

    private final TicketDocuments documents;

    TicketPdfController(TicketDocuments documents) {
        this.documents = documents;
    }

    /** @param url the PDF's path and query, on this API's origin; open it with the same account's token */
    record PdfLinkResponse(String url, Instant expiresAt) {
    }

    @GetMapping("/pdf-link")
    @Operation(operationId = "getTicketPdfLink", summary = "A short-lived link to one of the caller's tickets as a PDF",
            description = "The link opens the PDF for the caller's account only, until `expiresAt` (5 minutes).")
    @ApiResponse(responseCode = "200", description = "The link")
    @ApiResponse(responseCode = "404", description = "`ticket-not-found`: no such ticket of the caller's.")
    @ApiResponse(responseCode = "409", description = "`ticket-void`: the ticket was voided (its order cancelled).")
    ResponseEntity<PdfLinkResponse> link(CurrentUser user, @PathVariable UUID ticketId) {
        TicketDocuments.Link link = documents.link(user.id(), ticketId);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new PdfLinkResponse(
                "/api/v1/tickets/" + ticketId + "/pdf?expires=" + link.expires() + "&signature=" + link.signature(),
                link.expiresAt()));
    }

    @GetMapping("/pdf")
    @Operation(operationId = "getTicketPdf", summary = "One of the caller's tickets as a PDF, through its signed link")
    @ApiResponse(responseCode = "200", description = "The ticket's PDF",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "403", description = "`ticket-link-expired` or `ticket-link-invalid`: ask for a new "
            + "link.")
    @ApiResponse(responseCode = "404", description = "`ticket-not-found`: no such ticket of the caller's.")
    @ApiResponse(responseCode = "409", description = "`ticket-void`: the ticket was voided.")
    ResponseEntity<byte[]> pdf(CurrentUser user, @PathVariable UUID ticketId,
            @Parameter(description = "From the link: when it expires (epoch seconds)") @RequestParam long expires,
            @Parameter(description = "From the link: its signature") @RequestParam String signature) {
        byte[] pdf = documents.open(user.id(), ticketId, expires, signature);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .header("Content-Disposition", "attachment; filename=\"ticket-" + ticketId + ".pdf\"").body(pdf);
    }
}
