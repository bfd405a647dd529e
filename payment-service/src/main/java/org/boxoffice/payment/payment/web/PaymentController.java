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

/** A buyer pays their order and follows the payment. */
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
    ResponseEntity<PaymentResponse> pay(CurrentUser buyer, @AuthenticationPrincipal Jwt token,
            @RequestHeader(IdempotencyFilter.HEADER) String idempotencyKey,
            @Valid @RequestBody CreatePaymentRequest request) {
        var payment = payments.pay(buyer, token.getTokenValue(), new NewPayment(request.orderId(),
                request.paymentMethod()));
        return ResponseEntity.created(URI.create("/api/v1/payments/" + payment.id()))
                .body(PaymentResponse.of(payment));
    }

    @GetMapping("/{paymentId}")
    PaymentResponse get(CurrentUser buyer, @PathVariable UUID paymentId) {
        return PaymentResponse.of(payments.get(paymentId, buyer));
    }

    @GetMapping
    List<PaymentResponse> forOrder(CurrentUser buyer, @RequestParam UUID orderId) {
        return payments.forOrder(orderId, buyer).stream().map(PaymentResponse::of).toList();
    }
}
