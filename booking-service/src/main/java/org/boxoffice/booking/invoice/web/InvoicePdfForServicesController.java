package org.boxoffice.booking.invoice.web;

import java.util.UUID;

import org.boxoffice.booking.invoice.Invoicing;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;

/**
 * An invoice's PDF for the service that emails it (notification-service), which has no account: the token the
 * invoice was issued with, carried by the order's {@code OrderConfirmed} event, is the credential, and it opens that
 * one invoice only. Without it, with another invoice's or with a credit note's id the answer is the same 404
 * {@code invoice-not-found}, so the endpoint tells nothing of which invoices exist. Not routed by the gateway and not
 * in the public API document: inside the cluster only (docs/commerce.md#invoices).
 */
@Hidden
@RestController
class InvoicePdfForServicesController {

    /** The request header that carries the invoice's PDF token. */
    static final String TOKEN_HEADER = "Invoice-Token";

    private final Invoicing invoicing;

    InvoicePdfForServicesController(Invoicing invoicing) {
        this.invoicing = invoicing;
    }

    // No "produces": a 404 from here must still render as a problem, not fail content negotiation on a PDF.
    @GetMapping("/internal/v1/invoices/{invoiceId}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID invoiceId,
            @RequestHeader(name = TOKEN_HEADER, required = false) @Nullable String token) {
        byte[] pdf = invoicing.pdfFor(invoiceId, token == null ? "" : token);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).cacheControl(CacheControl.noStore())
                .body(pdf);
    }
}
