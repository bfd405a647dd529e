package org.boxoffice.gateway.waitingroom;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The live queue of an event, for its organizers and for admins: see it, pause and resume admissions, change the rate
 * for this sale (a number, or back to AUTO), let everyone in. The organization of the event comes from the setting
 * booking-service published; an organizer of another organization gets a 404, as elsewhere. A change the organizer
 * then saves in booking-service replaces these live changes.
 */
@Tag(name = "Waiting room operations", description = "Organizers watch and steer an event's live queue")
@RestController
@RequestMapping("/api/v1/admin/waiting-room/events/{eventId}")
class WaitingRoomAdminController {

    /** {@code ratePerMinute} switches to that fixed rate; {@code mode: AUTO} alone goes back to AUTO. */
    record RateRequest(@Nullable @Min(1) @Max(100_000) Integer ratePerMinute,
            @Nullable @Pattern(regexp = "AUTO|FIXED", message = "must be AUTO or FIXED") String mode) {

        @AssertTrue(message = "give ratePerMinute (a fixed rate) or mode AUTO")
        boolean isComplete() {
            return ratePerMinute != null || "AUTO".equals(mode);
        }
    }

    /**
     * @param state  NOT_OPEN (before {@code queueOpensAt}), EARLY (collecting early arrivals before the draw), OPEN,
     *               PAUSED, EVERYONE_IN, or CLOSED (the sale is over)
     * @param waiting places not yet let in (after the draw; before it, see {@code earlyArrivals})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QueueView(UUID eventId, String state, String mode, int ratePerMinute, int minRatePerMinute,
            int maxRatePerMinute, long waiting, long earlyArrivals, long joined, long admitted, long left,
            long abandoned, long admittedLastMinute, @Nullable Long medianWaitSeconds, @Nullable Long p95WaitSeconds,
            Instant queueOpensAt, Instant saleOpensAt, Instant saleClosesAt, @Nullable Instant drawnAt) {
    }

    private final Admissions admissions;
    private final QueueStore store;
    private final Clock clock;

    WaitingRoomAdminController(Admissions admissions, QueueStore store, Clock clock) {
        this.admissions = admissions;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping
    @Operation(operationId = "getQueue", summary = "Watch an event's live queue")
    Mono<QueueView> view(@PathVariable UUID eventId, @AuthenticationPrincipal Jwt jwt) {
        return managed(eventId, jwt).flatMap(this::view);
    }

    @PostMapping("/pause")
    @Operation(operationId = "pauseQueue", summary = "Pause admissions from an event's queue")
    Mono<QueueView> pause(@PathVariable UUID eventId, @AuthenticationPrincipal Jwt jwt) {
        return change(eventId, jwt, Map.of("paused", "1"), List.of("everyone"));
    }

    @PostMapping("/resume")
    @Operation(operationId = "resumeQueue", summary = "Resume admissions from an event's queue")
    Mono<QueueView> resume(@PathVariable UUID eventId, @AuthenticationPrincipal Jwt jwt) {
        return change(eventId, jwt, Map.of(), List.of("paused"));
    }

    @PutMapping("/rate")
    @Operation(operationId = "setQueueRate", summary = "Admit at a fixed rate, or go back to AUTO")
    Mono<QueueView> rate(@PathVariable UUID eventId, @AuthenticationPrincipal Jwt jwt,
            @Valid @RequestBody RateRequest request) {
        return request.ratePerMinute() != null
                ? change(eventId, jwt, Map.of("mode", "FIXED", "rate", request.ratePerMinute().toString()), List.of("everyone"))
                : change(eventId, jwt, Map.of("mode", "AUTO"), List.of("everyone"));
    }

    /** Everyone waiting is let in at the next ticks, and anyone who joins from now on at once. */
    @PostMapping("/admit-all")
    @Operation(operationId = "admitEveryone", summary = "Let everyone waiting in, and anyone who joins from now on")
    Mono<QueueView> admitAll(@PathVariable UUID eventId, @AuthenticationPrincipal Jwt jwt) {
        return change(eventId, jwt, Map.of("everyone", "1"), List.of("paused"));
    }

    private Mono<QueueView> change(UUID eventId, Jwt jwt, Map<String, String> set, List<String> remove) {
        return managed(eventId, jwt).flatMap(room -> store.setState(eventId, set, remove).then(view(room)))
                .onErrorMap(WaitingRoomAdminController::unavailable);
    }

    /** The room, if the caller may manage its event: an admin, or an organizer of its organization. */
    private Mono<RoomSettings> managed(UUID eventId, Jwt jwt) {
        return admissions.room(eventId).filter(room -> CurrentUser.from(jwt).canManage(room.organizationId()))
                .switchIfEmpty(Mono.error(new WaitingRoomProblems.NoWaitingRoom(eventId)))
                .onErrorMap(WaitingRoomAdminController::unavailable);
    }

    private Mono<QueueView> view(RoomSettings room) {
        UUID eventId = room.eventId();
        return Mono.zip(store.state(eventId), store.earlyArrivals(eventId), store.recentAdmissions(eventId))
                .map(all -> view(room, all.getT1(), all.getT2(), all.getT3()))
                .onErrorMap(WaitingRoomAdminController::unavailable);
    }

    private QueueView view(RoomSettings room, Map<String, String> state, long early, List<long[]> recent) {
        Instant now = clock.instant();
        boolean opened = "1".equals(state.get("opened"));
        String mode = state.getOrDefault("mode", room.auto() ? "AUTO" : "FIXED");
        String status = !now.isBefore(room.offSaleAt()) ? "CLOSED"
                : now.isBefore(room.opensAt()) ? "NOT_OPEN"
                : "1".equals(state.get("everyone")) ? "EVERYONE_IN"
                : "1".equals(state.get("paused")) ? "PAUSED"
                : opened ? "OPEN" : "EARLY";
        long cutoff = now.toEpochMilli() - 60_000;
        List<Long> waits = new ArrayList<>();
        long lastMinute = 0;
        for (long[] admission : recent) {
            waits.add(admission[1]);
            if (admission[0] >= cutoff) {
                lastMinute++;
            }
        }
        waits.sort(null);
        String drawnAt = state.get("openedAt");
        return new QueueView(room.eventId(), status, mode, number(state.get("rate"), room.ratePerMinute()),
                room.minRatePerMinute(), room.maxRatePerMinute(),
                number(state.get("seq"), 0) - number(state.get("head"), 0), early, number(state.get("joined"), 0),
                number(state.get("admitted"), 0), number(state.get("left"), 0), number(state.get("abandoned"), 0),
                lastMinute, percentileSeconds(waits, 0.5), percentileSeconds(waits, 0.95), room.opensAt(),
                room.onSaleAt(), room.offSaleAt(), drawnAt == null ? null : Instant.ofEpochMilli(Long.parseLong(drawnAt)));
    }

    private static @Nullable Long percentileSeconds(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1000;
    }

    private static int number(@Nullable String value, int otherwise) {
        return value == null ? otherwise : (int) Long.parseLong(value);
    }

    private static Throwable unavailable(Throwable failure) {
        return failure instanceof org.boxoffice.platform.problem.ProblemException ? failure
                : new WaitingRoomProblems.Unavailable();
    }
}
