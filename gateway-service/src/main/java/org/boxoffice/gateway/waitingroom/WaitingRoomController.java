package org.boxoffice.gateway.waitingroom;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.platform.admission.AdmissionPass;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A buyer's place in an event's waiting room, answered by the gateway alone from Redis. {@code POST} takes a place
 * (or returns the one the account has: one place per account), {@code GET} polls it, {@code DELETE} gives it up.
 * While waiting, {@code Retry-After} says when to ask again; once admitted the answer carries the pass to send with
 * holds in the {@code X-Waiting-Room-Pass} header.
 */
@Tag(name = "Waiting room", description = "The queue in front of an on-sale (docs/waiting-room.md)")
@RestController
@RequestMapping("/api/v1/waiting-room/events/{eventId}")
class WaitingRoomController {

    /**
     * @param status            {@code EARLY} (came before the sale opened: the order is drawn at {@code drawAt}),
     *                          {@code WAITING}, or {@code ADMITTED}
     * @param position          WAITING: 1 = next; counts places freed since, so it only gets better
     * @param pollAfterSeconds  when to ask again (also {@code Retry-After})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record QueueResponse(UUID eventId, String status, @Nullable Long position, @Nullable Long waiting,
            @Nullable Long estimatedWaitSeconds, @Nullable Integer admissionRatePerMinute, @Nullable Boolean paused,
            @Nullable Long earlyArrivals, @Nullable Instant drawAt, @Nullable String pass,
            @Nullable Instant passExpiresAt, @Nullable String passHeader, @Nullable Long pollAfterSeconds) {

        static QueueResponse of(Admissions.Answer answer) {
            Place place = answer.place();
            UUID eventId = answer.room().eventId();
            Long poll = answer.pollAfter() == null ? null : Math.max(1, answer.pollAfter().toSeconds());
            return switch (place.kind()) {
                case ADMITTED -> new QueueResponse(eventId, "ADMITTED", null, null, null, null, null, null, null,
                        answer.pass(), place.passExpiresAt(), AdmissionPass.HEADER, null);
                case EARLY -> new QueueResponse(eventId, "EARLY", null, null, null, null, null, place.earlyArrivals(),
                        answer.room().onSaleAt(), null, null, null, poll);
                default -> new QueueResponse(eventId, "WAITING", place.position(), place.waiting(),
                        answer.estimatedWait() == null ? null : answer.estimatedWait().toSeconds(),
                        place.ratePerMinute(), place.paused(), null, null, null, null, null, poll);
            };
        }
    }

    private final Admissions admissions;

    WaitingRoomController(Admissions admissions) {
        this.admissions = admissions;
    }

    @PostMapping
    @Operation(operationId = "joinWaitingRoom", summary = "Join an event's waiting room, or get one's place again",
            description = "Poll GET after `pollAfterSeconds` (also `Retry-After`); when ADMITTED, send `pass` in the "
                    + "`passHeader` header of the hold.")
    @ApiResponse(responseCode = "200", description = "The caller's place")
    @ApiResponse(responseCode = "409", description = "`waiting-room-not-open` (`opensAt`) or `waiting-room-closed`.")
    Mono<ResponseEntity<QueueResponse>> join(@PathVariable UUID eventId, @AuthenticationPrincipal Jwt jwt) {
        return admissions.join(eventId, account(jwt)).map(WaitingRoomController::respond);
    }

    @GetMapping
    @Operation(operationId = "getWaitingRoomPlace", summary = "Poll the caller's place in an event's waiting room")
    @ApiResponse(responseCode = "200", description = "The caller's place")
    Mono<ResponseEntity<QueueResponse>> status(@PathVariable UUID eventId, @AuthenticationPrincipal Jwt jwt) {
        return admissions.status(eventId, account(jwt)).map(WaitingRoomController::respond);
    }

    @DeleteMapping
    @Operation(operationId = "leaveWaitingRoom", summary = "Leave an event's waiting room")
    @ApiResponse(responseCode = "204", description = "Left (also when not in it)")
    Mono<ResponseEntity<Void>> leave(@PathVariable UUID eventId, @AuthenticationPrincipal Jwt jwt) {
        return admissions.leave(eventId, account(jwt)).thenReturn(ResponseEntity.noContent().build());
    }

    private static ResponseEntity<QueueResponse> respond(Admissions.Answer answer) {
        QueueResponse body = QueueResponse.of(answer);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (body.pollAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(body.pollAfterSeconds()));
        }
        return response.body(body);
    }

    private static UUID account(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
