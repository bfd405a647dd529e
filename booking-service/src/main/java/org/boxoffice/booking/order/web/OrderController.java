package org.boxoffice.booking.order.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.order.Order;
import org.boxoffice.booking.order.Cancellations;
import org.boxoffice.booking.order.Checkout;
import org.boxoffice.booking.order.OrderQueries;
import org.boxoffice.booking.question.AttendeeQuestions;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Checkout and a buyer's orders. Another buyer's order is a 404. */
@Tag(name = "Orders", description = "A buyer's orders: checkout of a hold, payment status, cancellation")
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final Checkout checkout;
    private final Cancellations cancellations;
    private final OrderQueries orders;
    private final OrderViews views;

    OrderController(Checkout checkout, Cancellations cancellations, OrderQueries orders, OrderViews views) {
        this.checkout = checkout;
        this.cancellations = cancellations;
        this.orders = orders;
        this.views = views;
    }

    /**
     * The hold to check out, optionally a promo code of the event to apply, and the answers to the event's attendee
     * questions (docs/commerce.md).
     */
    record CheckoutRequest(@NotNull UUID holdId, @Nullable @Size(min = 1, max = 40) String promoCode,
            @Nullable @Size(max = 500) List<@NotNull @Valid AnswerRequest> answers) {
    }

    /**
     * One answer: {@code ticket} is the ticket's index in the order (0 for the first ticket of the hold's first item,
     * and so on), only for a question asked per ticket; {@code answer} is the text, the chosen option, or
     * {@code true}/{@code false} for a checkbox.
     */
    record AnswerRequest(@NotNull UUID questionId, @Nullable @Min(0) @Max(999) Integer ticket,
            @Nullable @Size(max = 1000) String answer) {
    }

    @PostMapping
    @Operation(operationId = "createOrder", summary = "Check out a hold: an order awaiting payment, priced on the server",
            description = "The order is PENDING_PAYMENT until its payment succeeds (POST /api/v1/payments), then "
                    + "CONFIRMED with tickets. With `promoCode`, the code's discount is on the lines it covers and "
                    + "`totalMinor` is what is left to pay (an order left with nothing to pay is CONFIRMED at once).")
    @ApiResponse(responseCode = "201", description = "The order")
    @ApiResponse(responseCode = "400", description = "`invalid-answers`: a required question unanswered, an answer "
            + "that does not fit its question, or to a question the event does not ask (`questionId`, `question`, "
            + "`ticket`, and every one in `errors`); the hold stays active. Or `validation-failed`.")
    @ApiResponse(responseCode = "404", description = "`not-found`: no such hold of the caller's.")
    @ApiResponse(responseCode = "409", description = "`hold-expired`, `hold-not-active`, `code-exhausted` or "
            + "`code-limit-reached` (the promo code is used up, for everyone or for the caller; the hold stays active), "
            + "or `idempotent-request-in-progress`.")
    @ApiResponse(responseCode = "422", description = "`unknown-code`, `code-not-yet-valid`, `code-expired`, "
            + "`code-disabled`, `code-not-applicable` (`reason`: an access code, or none of the hold's tickets is of the "
            + "code's sections or tiers), or `idempotency-key-reused`.")
    ResponseEntity<OrderResponse> checkout(CurrentUser user, @Valid @RequestBody CheckoutRequest request) {
        List<AttendeeQuestions.Submitted> answers = request.answers() == null ? List.of() : request.answers().stream()
                .map(a -> new AttendeeQuestions.Submitted(a.questionId(), a.ticket(), a.answer())).toList();
        Order order = checkout.checkout(user.id(), request.holdId(), request.promoCode(), answers);
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id())).body(views.one(order));
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(operationId = "cancelOrder",
            summary = "Cancel an order: unpaid ones end; paid ones are refunded in full within the event's refund policy")
    @ApiResponse(responseCode = "200", description = "The cancelled order")
    @ApiResponse(responseCode = "409", description = "`order-state-conflict`, `refund-window-closed`, or "
            + "`idempotent-request-in-progress`.")
    OrderResponse cancel(CurrentUser user, @PathVariable UUID orderId) {
        return views.one(cancellations.cancelByBuyer(user.id(), orderId));
    }

    @GetMapping("/{orderId}")
    @Operation(operationId = "getOrder", summary = "Get one of the caller's orders")
    OrderResponse get(CurrentUser user, @PathVariable UUID orderId) {
        return views.one(orders.get(user.id(), orderId));
    }

    @GetMapping
    @Operation(operationId = "listMyOrders", summary = "List the caller's orders, newest first")
    PageResponse<OrderResponse> mine(CurrentUser user, @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.page(orders.mine(user.id(), new PageQuery(page, size)));
    }
}
