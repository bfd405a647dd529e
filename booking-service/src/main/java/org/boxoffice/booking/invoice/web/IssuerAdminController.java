package org.boxoffice.booking.invoice.web;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.invoice.Invoicing;
import org.boxoffice.booking.invoice.Issuer;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An organization's legal details as the seller on its invoices. Booking keeps them (not user-service): invoices are
 * issued inside the confirmation's transaction and must not depend on another service being up. Another
 * organization's are a 404.
 */
@Tag(name = "Invoicing", description = "The seller's legal details printed on an organization's invoices")
@RestController
@RequestMapping("/api/v1/admin/invoicing/{organizationId}")
class IssuerAdminController {

    private final Invoicing invoicing;

    IssuerAdminController(Invoicing invoicing) {
        this.invoicing = invoicing;
    }

    /** The legal name and postal address (lines separated by line breaks), and the VAT id if registered. */
    record IssuerRequest(@NotBlank @Size(max = 200) String legalName, @NotNull @Size(max = 500) String address,
            @Nullable @Size(max = 40) String vatId) {
    }

    record IssuerResponse(UUID organizationId, String legalName, String address, String vatId, Instant updatedAt) {

        static IssuerResponse of(Issuer issuer) {
            return new IssuerResponse(issuer.organizationId(), issuer.legalName(), issuer.address(), issuer.vatId(),
                    issuer.updatedAt());
        }
    }

    @GetMapping
    @Operation(operationId = "getInvoicingDetails", summary = "Get the seller details printed on the organization's "
            + "invoices")
    @ApiResponse(responseCode = "200", description = "The organization's seller details")
    @ApiResponse(responseCode = "404", description = "`issuer-not-found`: none set yet, or not the caller's.")
    IssuerResponse get(CurrentUser user, @PathVariable UUID organizationId) {
        return IssuerResponse.of(invoicing.issuer(user::canManage, organizationId));
    }

    @PutMapping
    @Operation(operationId = "setInvoicingDetails", summary = "Set the seller details printed on the organization's "
            + "invoices", description = "Applies to invoices and credit notes issued from now on; issued ones keep "
                    + "the details they were issued with.")
    @ApiResponse(responseCode = "200", description = "The organization's seller details as saved")
    @ApiResponse(responseCode = "404", description = "`issuer-not-found`: not an organization of the caller's.")
    IssuerResponse set(CurrentUser user, @PathVariable UUID organizationId,
            @Valid @RequestBody IssuerRequest request) {
        return IssuerResponse.of(invoicing.setIssuer(user::canManage, organizationId, request.legalName(),
                request.address(), request.vatId() == null ? "" : request.vatId()));
    }
}
