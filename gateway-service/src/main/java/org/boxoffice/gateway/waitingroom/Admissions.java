package org.boxoffice.gateway.waitingroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import org.boxoffice.platform.admission.AdmissionPass;
import org.boxoffice.platform.admission.AdmissionPasses;
import org.boxoffice.platform.problem.ProblemException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * A buyer's side of the waiting room: take a place, ask where it is, leave. Every answer comes from Redis in one
 * script (O(1)), with the poll interval the buyer should keep; an admitted buyer's answer carries the signed pass.
 * Redis unreachable: the room is closed ({@code waiting-room-unavailable}, 503), never open to everyone.
 */
@Component
class Admissions {

    private static final Logger log = LoggerFactory.getLogger(Admissions.class);

    /** An answer for the buyer: the place, the setting it was computed under, the pass if admitted, when to ask again. */
    record Answer(RoomSettings room, Place place, @Nullable String pass, @Nullable Duration pollAfter,
            @Nullable Duration estimatedWait) {
    }

    private final Rooms rooms;
    private final QueueStore store;
    private final WaitingRoomConfiguration.PassSigner signer;
    private final WaitingRoomMetrics metrics;
    private final WaitingRoomProperties properties;
    private final Clock clock;

    Admissions(Rooms rooms, QueueStore store, WaitingRoomConfiguration.PassSigner signer, WaitingRoomMetrics metrics,
            WaitingRoomProperties properties, Clock clock) {
        this.rooms = rooms;
        this.store = store;
        this.signer = signer;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<Answer> join(UUID eventId, UUID account) {
        return room(eventId).flatMap(room -> {
            Instant now = clock.instant();
            if (now.isBefore(room.opensAt())) {
                return Mono.error(new WaitingRoomProblems.NotOpenYet(eventId, room.opensAt()));
            }
            if (!now.isBefore(room.offSaleAt())) {
                return Mono.error(new WaitingRoomProblems.Closed(eventId, room.offSaleAt()));
            }
            return drawnIfDue(room, now, () -> store.join(room, account, now)).map(place -> {
                if (place.created()) {
                    metrics.joined(eventId);
                    if (place.kind() == Place.Kind.ADMITTED) {
                        metrics.admittedAtOnce(eventId);
                    }
                }
                return answer(room, place, account, now);
            });
        }).onErrorMap(this::unavailable);
    }

    Mono<Answer> status(UUID eventId, UUID account) {
        return room(eventId).flatMap(room -> {
            Instant now = clock.instant();
            return drawnIfDue(room, now, () -> store.status(room, account, now)).flatMap(place ->
                    place.kind() == Place.Kind.NONE ? Mono.error(new WaitingRoomProblems.NoPlace(eventId))
                            : Mono.just(answer(room, place, account, now)));
        }).onErrorMap(this::unavailable);
    }

    Mono<Void> leave(UUID eventId, UUID account) {
        return room(eventId).flatMap(room -> store.leave(room, account)).doOnNext(left -> {
            if (left) {
                metrics.left(eventId);
            }
        }).onErrorMap(this::unavailable).then();
    }

    /**
     * The event's room if it is on ({@code waiting-room-not-found} otherwise); unavailable while this gateway has no
     * pass key, since it could let nobody in.
     */
    Mono<RoomSettings> room(UUID eventId) {
        return rooms.find(eventId).flatMap(found -> found.filter(RoomSettings::enabled).map(Mono::just)
                .orElseGet(() -> Mono.error(new WaitingRoomProblems.NoWaitingRoom(eventId))))
                .flatMap(room -> signer.passes().isPresent() ? Mono.just(room)
                        : Mono.error(new WaitingRoomProblems.Unavailable()));
    }

    /** Runs {@code operation}; if it finds the sale open but the early arrivals not drawn, draws and runs it again. */
    private Mono<Place> drawnIfDue(RoomSettings room, Instant now, java.util.function.Supplier<Mono<Place>> operation) {
        return operation.get().flatMap(place -> place.kind() != Place.Kind.NEEDS_DRAW ? Mono.just(place)
                : store.draw(room, now).doOnNext(drawn -> {
                    if (drawn >= 0) {
                        log.info("Waiting room of event {} opened: {} early arrivals drawn", room.eventId(), drawn);
                    }
                }).then(operation.get()));
    }

    private Answer answer(RoomSettings room, Place place, UUID account, Instant now) {
        return switch (place.kind()) {
            case ADMITTED -> {
                AdmissionPasses passes = signer.passes().orElseThrow(WaitingRoomProblems.Unavailable::new);
                yield new Answer(room, place, passes.sign(new AdmissionPass(account, room.eventId(),
                        place.passExpiresAt())), null, null);
            }
            case EARLY -> {
                Duration untilDraw = Duration.between(now, room.onSaleAt());
                // Everyone who came early asks again right after the draw; a few seconds of jitter spread them out.
                Duration poll = clamp(untilDraw).plusMillis(untilDraw.compareTo(properties.maxPoll()) <= 0
                        ? ThreadLocalRandom.current().nextLong(properties.minPoll().toMillis()) : 0);
                yield new Answer(room, place, null, poll, null);
            }
            default -> {
                Duration wait = place.paused() || place.ratePerMinute() <= 0 ? null
                        : Duration.ofSeconds((place.position() * 60 + place.ratePerMinute() - 1) / place.ratePerMinute());
                yield new Answer(room, place, null, place.pollAfter(), wait);
            }
        };
    }

    private Duration clamp(Duration poll) {
        if (poll.compareTo(properties.minPoll()) < 0) {
            return properties.minPoll();
        }
        return poll.compareTo(properties.maxPoll()) > 0 ? properties.maxPoll() : poll;
    }

    /** A failure of Redis is the room being unavailable; a failure named for itself stays what it is. */
    private Throwable unavailable(Throwable failure) {
        if (failure instanceof ProblemException) {
            return failure;
        }
        metrics.unavailable();
        if (!(failure instanceof TimeoutException)) {
            log.warn("Waiting room unavailable: {}", failure.toString());
        }
        return new WaitingRoomProblems.Unavailable();
    }

    Optional<AdmissionPasses> passes() {
        return signer.passes();
    }
}
