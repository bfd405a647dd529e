package org.boxoffice.payment.payment.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import org.boxoffice.payment.payment.PaymentService;
import org.boxoffice.payment.payment.PaymentService.NewPayment;
import org.boxoffice.platform.idempotency.IdempotencyFilter;
import org.boxoffice.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A buyer pays their order and follows the payment. */
@Tag(name = "Payments", description = "Paying for orders")
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    /**
     * Starts paying an order with a payment method token. {@code Idempotency-Key} is required: a retry (lost answer, double click) gets the first
     * answer back and never charges twice. Answers 201 with the payment PROCESSING; the outcome follows.
     */
    @PostMapping
    @Operation(operationId = "createPayment", summary = "Pay for an order with a payment method token",
            description = "`Idempotency-Key` is required: a retry gets the first answer back and never charges twice. "
                    + "Answers with the payment PROCESSING; the provider's webhook settles it, and the order follows.")
    @ApiResponse(responseCode = "201", description = "The payment, PROCESSING")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such order of the caller's.")
    @ApiResponse(responseCode = "409", description = "`order-not-payable`, `payment-exists`, `nothing-to-pay`, or "
            + "`idempotent-request-in-progress`.")
    @ApiResponse(responseCode = "422", description = "`payment-window-closed`, `invalid-payment-method`, `card-expired`, "
            + "or `idempotency-key-reused`.")
    ResponseEntity<PaymentResponse> pay(CurrentUser buyer, @AuthenticationPrincipal Jwt token,
            @RequestHeader(IdempotencyFilter.HEADER) String idempotencyKey,
            @Valid @RequestBody CreatePaymentRequest request) {
        var payment = payments.pay(buyer, token.getTokenValue(), new NewPayment(request.orderId(),
                request.paymentMethod()));
        return ResponseEntity.created(URI.create("/api/v1/payments/" + payment.id()))
                .body(PaymentResponse.of(payment));
    }

    @GetMapping("/{paymentId}")
    @Operation(operationId = "getPayment", summary = "Get one of the caller's payments")
    PaymentResponse get(CurrentUser buyer, @PathVariable UUID paymentId) {
        return PaymentResponse.of(payments.get(paymentId, buyer));
    }

    @GetMapping
    @Operation(operationId = "listOrderPayments", summary = "List the payments of one of the caller's orders")
    List<PaymentResponse> forOrder(CurrentUser buyer, @RequestParam UUID orderId) {
        return payments.forOrder(orderId, buyer).stream().map(PaymentResponse::of).toList();
    }
}
