package org.boxoffice.booking.order.web;

import java.net.URI;
import java.util.UUID;

import org.boxoffice.booking.order.Order;
import org.boxoffice.booking.order.OrderService;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.boxoffice.platform.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Checkout and a buyer's orders. Another buyer's order is a 404. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderController {

    private final OrderService orders;

    OrderController(OrderService orders) {
        this.orders = orders;
    }

    record CheckoutRequest(@NotNull UUID holdId) {
    }

    @PostMapping
    @Operation(summary = "Check out a hold: an order awaiting payment, priced on the server",
            parameters = @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key",
                    description = "Retries with the same key return the first response",
                    schema = @Schema(type = "string")))
    ResponseEntity<OrderResponse> checkout(CurrentUser user, @Valid @RequestBody CheckoutRequest request) {
        Order order = orders.checkout(user.id(), request.holdId());
        return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id())).body(OrderResponse.of(order));
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel an order: unpaid ones end; paid ones are refunded in full within the event's refund policy",
            parameters = @Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key",
                    description = "Retries with the same key return the first response",
                    schema = @Schema(type = "string")))
    OrderResponse cancel(CurrentUser user, @PathVariable UUID orderId) {
        return OrderResponse.of(orders.cancelByBuyer(user.id(), orderId));
    }

    @GetMapping("/{orderId}")
    OrderResponse get(CurrentUser user, @PathVariable UUID orderId) {
        return OrderResponse.of(orders.get(user.id(), orderId));
    }

    @GetMapping
    PageResponse<OrderResponse> mine(CurrentUser user, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return orders.mine(user.id(), new PageQuery(page, size)).map(OrderResponse::of);
    }
}
