package org.boxoffice.booking.order.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.invoice.DocumentKind;
import org.boxoffice.booking.invoice.Invoice;
import org.boxoffice.booking.invoice.Invoicing;
import org.boxoffice.booking.invoice.Sums;
import org.boxoffice.booking.order.OrderQueries;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * An order's invoice and credit notes (docs/commerce.md#invoices): for its buyer, and for an organizer of its event's
 * organization. Another buyer's order, or another organization's, is a 404, never a 403.
 */
@Tag(name = "Invoices", description = "An order's invoice and credit notes, as data and as PDF")
@RestController
class OrderInvoiceController {

    private static final String PDF = "application/pdf";

    private final OrderQueries orders;
    private final Invoicing invoicing;

    OrderInvoiceController(OrderQueries orders, Invoicing invoicing) {
        this.orders = orders;
        this.invoicing = invoicing;
    }

    /**
     * One document: {@code kind} INVOICE or CREDIT_NOTE, {@code number} as printed ({@code INV-000042}), the
     * credit note's {@code correctsInvoiceId}, and its sums in minor units of {@code currency} (a credit note's: the
     * refund and the tax and fee in it).
     */
    record InvoiceResponse(UUID id, UUID orderId, DocumentKind kind, String number, Instant issuedAt, String currency,
            long subtotalMinor, long discountMinor, long feeMinor, long taxMinor, long totalMinor,
            @Nullable UUID correctsInvoiceId) {

        static InvoiceResponse of(Invoice invoice) {
            Sums sums = invoice.sums();
            return new InvoiceResponse(invoice.id(), invoice.orderId(), invoice.kind(), invoice.displayNumber(),
                    invoice.issuedAt(), invoice.currency().getCurrencyCode(), sums.subtotalMinor(),
                    sums.discountMinor(), sums.feeMinor(), sums.taxMinor(), sums.totalMinor(), invoice.corrects());
        }
    }

    @GetMapping("/api/v1/orders/{orderId}/invoices")
    @Operation(operationId = "listOrderInvoices", summary = "List the invoice and credit notes of one of the caller's "
            + "orders", description = "The invoice once the order is confirmed, then one credit note per refund.")
    List<InvoiceResponse> mine(CurrentUser user, @PathVariable UUID orderId) {
        orders.get(user.id(), orderId);
        return invoicing.documents(orderId).stream().map(InvoiceResponse::of).toList();
    }

    // No "produces": a 404 from here must still render as a problem, not fail content negotiation on a PDF.
    @GetMapping("/api/v1/orders/{orderId}/invoices/{invoiceId}")
    @Operation(operationId = "getOrderInvoicePdf", summary = "Download an invoice or credit note of one of the "
            + "caller's orders, as PDF")
    @ApiResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "`order-not-found` or `invoice-not-found`.")
    ResponseEntity<byte[]> minePdf(CurrentUser user, @PathVariable UUID orderId, @PathVariable UUID invoiceId) {
        orders.get(user.id(), orderId);
        return pdf(invoicing.document(orderId, invoiceId));
    }

    @GetMapping("/api/v1/admin/events/{eventId}/orders/{orderId}/invoices")
    @Operation(operationId = "listEventOrderInvoices", summary = "List the invoice and credit notes of an order of "
            + "the event")
    List<InvoiceResponse> ofEvent(CurrentUser user, @PathVariable UUID eventId, @PathVariable UUID orderId) {
        orders.ofEvent(user::canManage, eventId, orderId);
        return invoicing.documents(orderId).stream().map(InvoiceResponse::of).toList();
    }

    @GetMapping("/api/v1/admin/events/{eventId}/orders/{orderId}/invoices/{invoiceId}")
    @Operation(operationId = "getEventOrderInvoicePdf", summary = "Download an invoice or credit note of an order of "
            + "the event, as PDF")
    @ApiResponse(responseCode = "200", description = "The PDF",
            content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "`event-not-found`, `order-not-found` or `invoice-not-found`.")
    ResponseEntity<byte[]> ofEventPdf(CurrentUser user, @PathVariable UUID eventId, @PathVariable UUID orderId,
            @PathVariable UUID invoiceId) {
        orders.ofEvent(user::canManage, eventId, orderId);
        return pdf(invoicing.document(orderId, invoiceId));
    }

    private ResponseEntity<byte[]> pdf(Invoice invoice) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PDF))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(invoice.displayNumber() + ".pdf").build().toString())
                .body(invoicing.pdf(invoice));
    }
}
