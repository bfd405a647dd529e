package org.boxoffice.booking.event.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.booking.event.Charges;
import org.boxoffice.booking.event.Event;
import org.boxoffice.booking.event.EventSearch;
import org.boxoffice.booking.event.EventService;
import org.boxoffice.booking.event.EventStatus;
import org.boxoffice.booking.event.InvalidEvent;
import org.boxoffice.booking.event.NewEvent;
import org.boxoffice.booking.event.TierSpec;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Organizers' events: definition, price tiers and lifecycle. Another organization's event is a 404. */
@Tag(name = "Event administration", description = "Organizers create events, price them and run their sales")
@RestController
@RequestMapping("/api/v1/admin/events")
class EventAdminController {

    private final EventService events;
    private final EventImages images;

    EventAdminController(EventService events, EventImages images) {
        this.events = events;
        this.images = images;
    }

    record CreateEventRequest(@NotNull UUID venueId, @NotBlank @Size(max = 200) String title,
            @Size(max = 5_000) @Nullable String description, @NotNull Instant startsAt, @NotNull Instant endsAt,
            @NotNull ZoneId timezone, @NotNull Instant onSaleAt, @NotNull Instant offSaleAt,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency,
            @Min(1) @Max(100) int maxTicketsPerOrder, @Min(1) @Max(1_000) int maxTicketsPerBuyer,
            @Nullable @Min(60) @Max(3_600) Integer holdDurationSeconds,
            @Nullable @Min(0) @Max(8_760) Integer refundableUntilHoursBeforeStart) {
    }

    /** A section's tier; a {@code hidden} one is not listed to buyers and sells only with an access code. */
    record TierRequest(@NotNull UUID sectionId, @NotBlank @Size(max = 100) String name,
            @PositiveOrZero @Max(100_000_000) long amountMinor, @Nullable Boolean hidden) {
    }

    /**
     * The tax and service fee of every ticket. A tax: {@code taxRateBasisPoints} (1900 = 19 %) named {@code taxLabel},
     * included in the prices or added on top; a fee: {@code feeFixedMinor} per ticket or {@code feePercentBasisPoints}
     * of its price after discount, not both. Left out: none.
     */
    record ChargesRequest(@Nullable @Size(max = 40) String taxLabel,
            @Nullable @Min(0) @Max(10_000) Integer taxRateBasisPoints, @Nullable Boolean taxIncluded,
            @Nullable @Min(0) @Max(100_000_000) Long feeFixedMinor,
            @Nullable @Min(0) @Max(10_000) Integer feePercentBasisPoints) {
    }

    record TiersRequest(@NotNull @Size(min = 1, max = 500) List<@Valid @NotNull TierRequest> tiers) {
    }

    @PostMapping
    @Operation(operationId = "createEvent", summary = "Create an event (a DRAFT) at one of the organization's venues")
    @ApiResponse(responseCode = "201", description = "The event")
    @ApiResponse(responseCode = "422", description = "`invalid-event` (`errors`): times out of order, unknown currency, ...")
    ResponseEntity<EventResponse> create(CurrentUser user, @Valid @RequestBody CreateEventRequest request) {
        Currency currency;
        try {
            currency = Currency.getInstance(request.currency());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidEvent("currency", request.currency() + " is not an ISO-4217 currency.");
        }
        Event event = events.create(user::canManage, new NewEvent(request.venueId(), request.title(),
                request.description() == null ? "" : request.description(), request.startsAt(), request.endsAt(),
                request.timezone(), request.onSaleAt(), request.offSaleAt(), currency, request.maxTicketsPerOrder(),
                request.maxTicketsPerBuyer(), Duration.ofSeconds(request.holdDurationSeconds() == null ? 600
                        : request.holdDurationSeconds()),
                request.refundableUntilHoursBeforeStart() == null ? NewEvent.DEFAULT_REFUND_CUTOFF
                        : Duration.ofHours(request.refundableUntilHoursBeforeStart())));
        return ResponseEntity.created(URI.create("/api/v1/admin/events/" + event.id()))
                .body(EventResponse.of(event, List.of()));
    }

    @GetMapping
    @Operation(operationId = "listManagedEvents", summary = "List the events of the caller's organizations (every event for an admin)")
    PageResponse<EventResponse> list(CurrentUser user, @RequestParam(required = false) @Nullable EventStatus status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        EventSearch search = new EventSearch(status == null ? Set.of() : Set.of(status), user.isAdmin(),
                user.organizations(), null, null, null, null, null);
        return images.page(events.search(search, new PageQuery(page, size)));
    }

    @GetMapping("/{eventId}")
    @Operation(operationId = "getManagedEvent", summary = "Get an event of the caller's organizations, in any state")
    EventResponse get(CurrentUser user, @PathVariable UUID eventId) {
        Event event = events.get(user::canManage, eventId);
        return images.one(EventResponse.of(event, events.sections(eventId)));
    }

    @PutMapping("/{eventId}/price-tiers")
    @Operation(operationId = "setPriceTiers", summary = "Set the price tiers of an event's sections, replacing the old ones")
    @ApiResponse(responseCode = "200", description = "The event with its new tiers")
    @ApiResponse(responseCode = "409", description = "`event-state-conflict`: not allowed in the event's current state.")
    EventResponse setTiers(CurrentUser user, @PathVariable UUID eventId, @Valid @RequestBody TiersRequest request) {
        events.setTiers(user::canManage, eventId, request.tiers().stream()
                .map(t -> new TierSpec(t.sectionId(), t.name(), t.amountMinor(),
                        Boolean.TRUE.equals(t.hidden()))).toList());
        return get(user, eventId);
    }

    @PutMapping("/{eventId}/charges")
    @Operation(operationId = "setEventCharges", summary = "Set the tax and service fee of an event's tickets",
            description = "Only while the event is a DRAFT (its prices are fixed once published). Orders are charged "
                    + "on the server: the promo discount first, then the fee, then the tax on both, each rounded half up "
                    + "per line (docs/commerce.md).")
    @ApiResponse(responseCode = "200", description = "The event with its new charges")
    @ApiResponse(responseCode = "409", description = "`event-state-conflict`: not allowed in the event's current state.")
    @ApiResponse(responseCode = "422", description = "`invalid-event` (`errors` names the field): a tax rate without a "
            + "label, a fee both fixed and a percentage.")
    EventResponse setCharges(CurrentUser user, @PathVariable UUID eventId,
            @Valid @RequestBody ChargesRequest request) {
        int rate = request.taxRateBasisPoints() == null ? 0 : request.taxRateBasisPoints();
        events.setCharges(user::canManage, eventId, new Charges(request.taxLabel() == null ? "" : request.taxLabel(),
                rate, !Boolean.FALSE.equals(request.taxIncluded()),
                request.feeFixedMinor() == null ? 0 : request.feeFixedMinor(),
                request.feePercentBasisPoints() == null ? 0 : request.feePercentBasisPoints()));
        return get(user, eventId);
    }

    @PostMapping("/{eventId}/publish")
    @Operation(operationId = "publishEvent", summary = "Publish a DRAFT event: it is listed and goes on sale at onSaleAt")
    @ApiResponse(responseCode = "200", description = "The event")
    @ApiResponse(responseCode = "409", description = "`event-state-conflict`: not allowed in the event's current state.")
    EventResponse publish(CurrentUser user, @PathVariable UUID eventId) {
        return EventResponse.of(events.publish(user::canManage, eventId), events.sections(eventId));
    }

    @PostMapping("/{eventId}/pause")
    @Operation(operationId = "pauseEventSales", summary = "Pause an event's sales: no new holds")
    @ApiResponse(responseCode = "200", description = "The event")
    @ApiResponse(responseCode = "409", description = "`event-state-conflict`: not allowed in the event's current state.")
    EventResponse pause(CurrentUser user, @PathVariable UUID eventId) {
        return EventResponse.of(events.pauseSales(user::canManage, eventId), events.sections(eventId));
    }

    @PostMapping("/{eventId}/resume")
    @Operation(operationId = "resumeEventSales", summary = "Resume an event's paused sales")
    @ApiResponse(responseCode = "200", description = "The event")
    @ApiResponse(responseCode = "409", description = "`event-state-conflict`: not allowed in the event's current state.")
    EventResponse resume(CurrentUser user, @PathVariable UUID eventId) {
        return EventResponse.of(events.resumeSales(user::canManage, eventId), events.sections(eventId));
    }

    @PostMapping("/{eventId}/complete")
    @Operation(operationId = "completeEvent", summary = "Mark an event as having taken place")
    @ApiResponse(responseCode = "200", description = "The event")
    @ApiResponse(responseCode = "409", description = "`event-state-conflict`: not allowed in the event's current state.")
    EventResponse complete(CurrentUser user, @PathVariable UUID eventId) {
        return EventResponse.of(events.complete(user::canManage, eventId), events.sections(eventId));
    }

    @PostMapping("/{eventId}/cancel")
    @Operation(operationId = "cancelEvent", summary = "Cancel an event: every order that holds money is refunded")
    @ApiResponse(responseCode = "200", description = "The event")
    @ApiResponse(responseCode = "409", description = "`event-state-conflict`: not allowed in the event's current state.")
    EventResponse cancel(CurrentUser user, @PathVariable UUID eventId) {
        return EventResponse.of(events.cancel(user::canManage, eventId), events.sections(eventId));
    }
}
