package org.boxoffice.gateway.waitingroom;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Which events have a waiting room, and their settings, as booking-service publishes them in Redis (a hash per event,
 * {@code boxoffice:waiting-room:settings:<eventId>}, and the set of events whose room is on,
 * {@code boxoffice:waiting-room:events}). Each replica keeps what it read for {@code settings-cache-ttl}; when Redis
 * does not answer it keeps using what it last read, so an event known to have a waiting room stays closed.
 */
@Component
class Rooms {

    static final String SETTINGS_PREFIX = "boxoffice:waiting-room:settings:";
    static final String EVENTS = "boxoffice:waiting-room:events";

    private record Cached<T>(T value, long readAt) {
    }

    private final ReactiveStringRedisTemplate redis;
    private final long ttlNanos;
    private final Duration timeout;
    private final Map<UUID, Cached<Optional<RoomSettings>>> settings = new ConcurrentHashMap<>();
    private volatile @Nullable Cached<Set<UUID>> active;

    Rooms(ReactiveStringRedisTemplate redis, WaitingRoomProperties properties) {
        this.redis = redis;
        this.ttlNanos = properties.settingsCacheTtl().toNanos();
        this.timeout = properties.redisTimeout();
    }

    /** The event's setting (empty: no waiting room); fails only when Redis does not answer and nothing is known. */
    Mono<Optional<RoomSettings>> find(UUID eventId) {
        Cached<Optional<RoomSettings>> cached = settings.get(eventId);
        if (cached != null && fresh(cached)) {
            return Mono.just(cached.value());
        }
        return redis.<String, String>opsForHash().entries(SETTINGS_PREFIX + eventId)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(RoomSettings::parse)
                .timeout(timeout)
                .doOnNext(read -> remember(eventId, read))
                .onErrorResume(failure -> cached == null ? Mono.error(failure) : Mono.just(cached.value()));
    }

    private void remember(UUID eventId, Optional<RoomSettings> read) {
        long now = System.nanoTime();
        settings.put(eventId, new Cached<>(read, now));
        if (settings.size() > 10_000) {
            // Callers name any event id; forget the stale answers about events without a room first.
            settings.entrySet().removeIf(entry -> entry.getValue().value().isEmpty()
                    && now - entry.getValue().readAt() >= ttlNanos);
        }
    }

    /** What this replica last read of the event's setting, however old; empty when it never read one. */
    Optional<RoomSettings> lastKnown(UUID eventId) {
        Cached<Optional<RoomSettings>> cached = settings.get(eventId);
        return cached == null ? Optional.empty() : cached.value();
    }

    /**
     * The events whose waiting room is on; when Redis does not answer, every event this replica last knew to have one
     * (none when it never could read Redis: booking-service is the fence then).
     */
    Mono<Set<UUID>> active() {
        Cached<Set<UUID>> cached = active;
        if (cached != null && fresh(cached)) {
            return Mono.just(cached.value());
        }
        return redis.opsForSet().members(EVENTS)
                .map(UUID::fromString)
                .collect(Collectors.toUnmodifiableSet())
                .timeout(timeout)
                .doOnNext(ids -> active = new Cached<>(ids, System.nanoTime()))
                .onErrorResume(failure -> Mono.just(lastKnownActive(cached)));
    }

    private Set<UUID> lastKnownActive(@Nullable Cached<Set<UUID>> cached) {
        Set<UUID> known = new java.util.HashSet<>(cached == null ? Set.of() : cached.value());
        settings.forEach((eventId, setting) -> {
            if (setting.value().map(RoomSettings::enabled).orElse(false)) {
                known.add(eventId);
            }
        });
        return known;
    }

    private boolean fresh(Cached<?> cached) {
        return System.nanoTime() - cached.readAt() < ttlNanos;
    }
}
