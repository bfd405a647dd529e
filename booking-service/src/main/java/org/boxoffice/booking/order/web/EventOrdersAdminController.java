package org.boxoffice.booking.order.web;

import java.time.Clock;
import java.util.UUID;

import org.boxoffice.booking.hold.HoldService;
import org.boxoffice.booking.hold.web.HoldResponse;
import org.boxoffice.booking.order.Cancellations;
import org.boxoffice.booking.order.OrderQueries;
import org.boxoffice.booking.order.OrderStatus;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.boxoffice.booking.ticket.UsedTickets;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** An organizer's view of an event's orders, and the cancel and release actions. */
@Tag(name = "Event administration")
@RestController
@RequestMapping("/api/v1/admin/events/{eventId}")
class EventOrdersAdminController {

    private final OrderQueries orders;
    private final Cancellations cancellations;
    private final HoldService holds;
    private final Clock clock;
    private final OrderViews views;

    EventOrdersAdminController(OrderQueries orders, Cancellations cancellations, HoldService holds, Clock clock,
            OrderViews views) {
        this.orders = orders;
        this.cancellations = cancellations;
        this.holds = holds;
        this.clock = clock;
        this.views = views;
    }

    @GetMapping("/orders")
    @Operation(operationId = "listEventOrders", summary = "List the orders of an event, optionally by status")
    PageResponse<OrderResponse> orders(CurrentUser user, @PathVariable UUID eventId,
            @RequestParam(required = false) @Nullable OrderStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return views.page(orders.ofEvent(user::canManage, eventId, status, new PageQuery(page, size)));
    }

    /**
     * Cancels an order and refunds what is left of its payment. An order whose tickets were used at the door is
     * refused ({@code 409 tickets-checked-in}) unless {@code includeCheckedIn=true} says the organizer means it.
     */
    @PostMapping("/orders/{orderId}/cancel")
    @Operation(operationId = "cancelEventOrder", summary = "Cancel an order of the event and refund what is left of its payment",
            description = "An order whose tickets were used at the door is refused (`409 tickets-checked-in`) unless "
                    + "`includeCheckedIn=true`.")
    @ApiResponse(responseCode = "200", description = "The cancelled order")
    @ApiResponse(responseCode = "409", description = "`tickets-checked-in` or `order-state-conflict`.")
    OrderResponse cancel(CurrentUser user, @PathVariable UUID eventId, @PathVariable UUID orderId,
            @RequestParam(defaultValue = "false") boolean includeCheckedIn) {
        return views.one(cancellations.cancel(user::canManage, eventId, orderId,
                UsedTickets.forOrganizer(includeCheckedIn)));
    }

    @PostMapping("/holds/{holdId}/release")
    @Operation(operationId = "releaseEventHold", summary = "Release a buyer's hold on the event: its seats are free again")
    HoldResponse release(CurrentUser user, @PathVariable UUID eventId, @PathVariable UUID holdId) {
        return HoldResponse.of(holds.releaseForOrganizer(user::canManage, eventId, holdId), clock.instant());
    }
}
