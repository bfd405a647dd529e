package org.boxoffice.booking.waitlist.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.web.HoldResponse;
import org.boxoffice.booking.waitlist.Entry;
import org.boxoffice.booking.waitlist.EntryStatus;
import org.boxoffice.booking.waitlist.OfferStatus;
import org.boxoffice.booking.waitlist.WaitingListService;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A buyer's places in sold-out waiting lists (docs/commerce.md). Another buyer's place is a 404. */
@Tag(name = "Waiting lists", description = "A buyer's place in a sold-out section's line, and the tickets offered to it")
@RestController
@RequestMapping("/api/v1/waiting-lists")
class WaitingListController {

    private final WaitingListService lists;
    private final Clock clock;

    WaitingListController(WaitingListService lists, Clock clock) {
        this.lists = lists;
        this.clock = clock;
    }

    record JoinWaitingListRequest(@NotNull UUID eventId, @NotNull UUID sectionId, @NotNull @Min(1) @Max(100) Integer quantity) {
    }

    /** Tickets offered to the place: seats ({@code seatIds}) or a quantity of an area; claim before expiresAt. */
    record WaitingListOfferResponse(UUID id, OfferStatus status, List<UUID> seatIds, int quantity, Instant offeredAt,
            Instant expiresAt, long remainingSeconds, @Nullable UUID holdId) {
    }

    /** A place: {@code position} (1 = next in line) while WAITING; its offer once one was made (absent before). */
    record WaitingListEntryResponse(UUID id, UUID eventId, UUID sectionId, int quantity, EntryStatus status,
            @Nullable Long position, Instant joinedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable WaitingListOfferResponse offer) {

        static WaitingListEntryResponse of(Entry entry, Instant now) {
            Entry.Offer offer = entry.offer();
            return new WaitingListEntryResponse(entry.id(), entry.eventId(), entry.sectionId(), entry.quantity(), entry.status(),
                    entry.position(), entry.joinedAt(), offer == null ? null : new WaitingListOfferResponse(offer.id(),
                            offer.status(), offer.seatIds(), offer.quantity(), offer.offeredAt(), offer.expiresAt(),
                            offer.status() == OfferStatus.OPEN && now.isBefore(offer.expiresAt())
                                    ? java.time.Duration.between(now, offer.expiresAt()).toSeconds() : 0,
                            offer.holdId()));
        }
    }

    record WaitingListEntriesResponse(List<WaitingListEntryResponse> items) {
    }

    @PostMapping
    @Operation(operationId = "joinWaitingList", summary = "Join a sold-out section's waiting list",
            description = "For an event on sale whose organizer turned its waiting list on, when the section has fewer "
                    + "than `quantity` tickets left. Tickets given back later are offered to the line in order: the "
                    + "place's `offer`, to claim before it expires.")
    @ApiResponse(responseCode = "201", description = "The place in line")
    @ApiResponse(responseCode = "404", description = "`event-not-found`, `section-not-found`.")
    @ApiResponse(responseCode = "409", description = "`waiting-list-closed`, `tickets-available` (`available`): hold "
            + "them instead, `already-waiting`, `sale-not-open`, or `idempotent-request-in-progress`.")
    @ApiResponse(responseCode = "422", description = "`ticket-limit-exceeded`: more than the event's per-order limit; "
            + "or `idempotency-key-reused`.")
    ResponseEntity<WaitingListEntryResponse> join(CurrentUser user, @Valid @RequestBody JoinWaitingListRequest request) {
        Entry entry = lists.join(user.id(), user.email(), request.eventId(), request.sectionId(), request.quantity());
        return ResponseEntity.created(URI.create("/api/v1/waiting-lists/" + entry.id()))
                .body(WaitingListEntryResponse.of(entry, clock.instant()));
    }

    @GetMapping
    @Operation(operationId = "listWaitingListEntries", summary = "The caller's places in waiting lists, newest first",
            description = "At most 100; `eventId` keeps those of one event.")
    WaitingListEntriesResponse list(CurrentUser user, @RequestParam(required = false) @Nullable UUID eventId) {
        Instant now = clock.instant();
        return new WaitingListEntriesResponse(lists.mine(user.id(), eventId).stream().map(e -> WaitingListEntryResponse.of(e, now)).toList());
    }

    @GetMapping("/{entryId}")
    @Operation(operationId = "getWaitingListEntry", summary = "One of the caller's places, with its position or offer")
    @ApiResponse(responseCode = "200", description = "The place")
    @ApiResponse(responseCode = "404", description = "`waiting-list-entry-not-found`.")
    WaitingListEntryResponse get(CurrentUser user, @PathVariable UUID entryId) {
        return WaitingListEntryResponse.of(lists.get(user.id(), entryId), clock.instant());
    }

    @DeleteMapping("/{entryId}")
    @Operation(operationId = "leaveWaitingList", summary = "Leave the line (declining an open offer)",
            description = "An open offer's tickets pass to the next in line at once. A place that ended already is "
                    + "answered as it is.")
    @ApiResponse(responseCode = "200", description = "The place, ended")
    @ApiResponse(responseCode = "404", description = "`waiting-list-entry-not-found`.")
    WaitingListEntryResponse leave(CurrentUser user, @PathVariable UUID entryId) {
        return WaitingListEntryResponse.of(lists.leave(user.id(), entryId), clock.instant());
    }

    @PostMapping("/{entryId}/claim")
    @Operation(operationId = "claimWaitingListOffer", summary = "Claim the tickets offered to the place: a hold",
            description = "The offered tickets become the caller's hold, for the event's hold duration; check it out "
                    + "with POST /api/v1/orders. No waiting-room pass is needed: the offer is the admission.")
    @ApiResponse(responseCode = "201", description = "The hold")
    @ApiResponse(responseCode = "404", description = "`waiting-list-entry-not-found`.")
    @ApiResponse(responseCode = "409", description = "`offer-not-open` (`offerStatus`: NONE, CLAIMED, EXPIRED, "
            + "DECLINED, WITHDRAWN), `sale-not-open`, or `idempotent-request-in-progress`.")
    @ApiResponse(responseCode = "422", description = "`ticket-limit-exceeded`: the caller's other holds and orders "
            + "leave no room under the per-buyer limit; or `idempotency-key-reused`.")
    ResponseEntity<HoldResponse> claim(CurrentUser user, @PathVariable UUID entryId) {
        Hold hold = lists.claim(user.id(), user.email(), entryId);
        return ResponseEntity.created(URI.create("/api/v1/holds/" + hold.id()))
                .body(HoldResponse.of(hold, clock.instant()));
    }
}
