package org.boxoffice.payment.refund.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import org.boxoffice.payment.refund.RefundService;
import org.boxoffice.payment.refund.Refund;
import org.boxoffice.platform.openapi.ApiRoles;
import org.boxoffice.platform.security.CurrentUser;
import org.boxoffice.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Admins refund a payment, fully or partly. ADMIN only: payment-service does not know which organization an order
 * belongs to (booking's order does not say), so it cannot check an organizer's right to it.
 */
@Tag(name = "Payment administration")
@RestController
class RefundController {

    private final RefundService refunds;

    RefundController(RefundService refunds) {
        this.refunds = refunds;
    }

    record RefundResponse(UUID id, UUID paymentId, long amountMinor, String currency, String reason, String status,
            @Nullable String failureReason, Instant createdAt) {

        static RefundResponse of(Refund refund) {
            return new RefundResponse(refund.id(), refund.paymentId(), refund.amountMinor(), refund.currency(),
                    refund.reason(), refund.status().name(), refund.failureReason(), refund.createdAt());
        }
    }

    @PostMapping("/api/v1/admin/payments/{paymentId}/refunds")
    @Operation(operationId = "refundPayment", summary = "Refund a payment, in full or in part")
    @ApiRoles(Role.ADMIN)
    @ApiResponse(responseCode = "201", description = "The refund")
    @ApiResponse(responseCode = "409", description = "`payment-not-refundable` or `idempotent-request-in-progress`.")
    @ApiResponse(responseCode = "422", description = "`refund-exceeds-captured`, `refund-declined` by the provider, or "
            + "`idempotency-key-reused`.")
    ResponseEntity<RefundResponse> refund(CurrentUser user, @PathVariable UUID paymentId,
            @Valid @RequestBody CreateRefundRequest request) {
        user.requireAdmin("refund a payment");
        Refund refund = refunds.refundNow(paymentId, request.amountMinor(),
                request.reason() == null || request.reason().isBlank() ? "requested by admin" : request.reason(),
                "user:" + user.id());
        return ResponseEntity.created(URI.create("/api/v1/admin/payments/" + paymentId + "/refunds/" + refund.id()))
                .body(RefundResponse.of(refund));
    }
}
