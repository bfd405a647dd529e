package org.boxoffice.booking.availability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

import org.boxoffice.booking.system.BookingProperties;
import org.boxoffice.booking.system.RedisGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * An event's availability in Redis, so that the seat map can be served under a surge without touching the database.
 *
 * <p>Layout per event: a ready marker with a TTL; per seated section a set of available seat ids; per area a hash of
 * {@code remaining} and {@code version} per stripe ({@code r:<stripe>}, {@code v:<stripe>}) of the {@code event_area}
 * rows that wrote them, summed when read. Every committed inventory
 * change is written through after commit with idempotent operations (SREM/SADD of seat ids, and a compare-on-version
 * write for areas), so re-applying or reordering them cannot drift. The database stays the truth: a missing marker
 * (first read, TTL elapsed, Redis restarted empty) rebuilds the event from it; a write that fails while Redis is
 * unreachable marks the event dirty, and dirty events are rebuilt as soon as Redis answers again.
 */
@Component
public class AvailabilityCache {

    private static final Logger log = LoggerFactory.getLogger(AvailabilityCache.class);
    private static final Duration SET_TTL = Duration.ofHours(24);

    private static final RedisScript<List> READ_COUNTS = new DefaultRedisScript<>("""
            if redis.call('EXISTS', KEYS[1]) == 0 then return {-1} end
            local out = {}
            for i = 2, #KEYS do
              if ARGV[i - 1] == 's' then
                out[#out + 1] = redis.call('SCARD', KEYS[i])
              else
                local fields = redis.call('HGETALL', KEYS[i])
                local remaining = -1
                for f = 1, #fields, 2 do
                  if string.sub(fields[f], 1, 2) == 'r:' then remaining = math.max(remaining, 0) + tonumber(fields[f + 1]) end
                end
                out[#out + 1] = remaining
              end
            end
            return out""", List.class);

    private static final RedisScript<Long> WRITE_AREA_IF_NEWER = new DefaultRedisScript<>("""
            local version = redis.call('HGET', KEYS[1], 'v:' .. ARGV[4])
            if version and tonumber(version) >= tonumber(ARGV[2]) then return 0 end
            redis.call('HSET', KEYS[1], 'r:' .. ARGV[4], ARGV[1], 'v:' .. ARGV[4], ARGV[2])
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;
    private final AvailabilityStore store;
    private final Duration ttl;
    private final Set<UUID> dirty = ConcurrentHashMap.newKeySet();
    private final Map<UUID, CompletableFuture<InventorySnapshot>> rebuilding = new ConcurrentHashMap<>();
    private final Counter rebuilds;

    AvailabilityCache(StringRedisTemplate redis, RedisGuard guard, AvailabilityStore store,
            BookingProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.guard = guard;
        this.store = store;
        this.ttl = properties.availabilityTtl();
        this.rebuilds = Counter.builder("booking.availability.rebuilds")
                .description("Availability of an event read from the database and written to the cache").register(meters);
    }

    /** Writes a committed change through to Redis; when Redis fails, the event is rebuilt once it is back. */
    public void apply(InventoryChange change) {
        if (change.isEmpty()) {
            return;
        }
        boolean written = guard.run(() -> {
            UUID event = change.eventId();
            change.taken().forEach((section, seats) -> redis.opsForSet()
                    .remove(seatsKey(event, section), seats.stream().map(UUID::toString).toArray()));
            change.freed().forEach((section, seats) -> redis.opsForSet()
                    .add(seatsKey(event, section), seats.stream().map(UUID::toString).toArray(String[]::new)));
            change.areas().forEach((section, stripes) -> stripes.values().forEach(count -> writeArea(event, section,
                    count)));
        });
        if (!written) {
            dirty.add(change.eventId());
        }
    }

    /** Forgets an event's cached availability, so the next read rebuilds it from the database. */
    public void invalidate(UUID eventId) {
        if (!guard.run(() -> redis.delete(readyKey(eventId)))) {
            dirty.add(eventId);
        }
    }

    /**
     * Remaining tickets per section, from Redis; empty when the event is not cached (or Redis is unavailable), in
     * which case the caller reads the database, see {@link #rebuild}.
     */
    Optional<Map<UUID, Integer>> counts(UUID eventId, Map<UUID, Boolean> seatedBySection) {
        if (dirty.contains(eventId)) {
            return Optional.empty();
        }
        List<String> keys = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<UUID> order = new ArrayList<>(seatedBySection.keySet());
        keys.add(readyKey(eventId));
        for (UUID section : order) {
            boolean seated = seatedBySection.get(section);
            keys.add(seated ? seatsKey(eventId, section) : areaKey(eventId, section));
            kinds.add(seated ? "s" : "a");
        }
        return guard.call(() -> redis.execute(READ_COUNTS, keys, kinds.toArray()))
                .flatMap(result -> {
                    if (result.size() != order.size()) {
                        return Optional.empty();
                    }
                    Map<UUID, Integer> counts = new HashMap<>();
                    for (int i = 0; i < order.size(); i++) {
                        long value = ((Number) result.get(i)).longValue();
                        if (value < 0) {
                            return Optional.empty();
                        }
                        counts.put(order.get(i), (int) value);
                    }
                    return Optional.of(counts);
                });
    }

    /** The ids of a seated section's available seats, from Redis; empty when not cached or Redis is unavailable. */
    Optional<Set<UUID>> availableSeats(UUID eventId, UUID sectionId) {
        if (dirty.contains(eventId)) {
            return Optional.empty();
        }
        return guard.call(() -> Boolean.TRUE.equals(redis.hasKey(readyKey(eventId)))
                ? redis.opsForSet().members(seatsKey(eventId, sectionId))
                : null)
                .map(members -> {
                    Set<UUID> ids = new HashSet<>();
                    members.forEach(id -> ids.add(UUID.fromString(id)));
                    return ids;
                });
    }

    /**
     * Reads the event from the database and, if Redis answers, replaces its cached availability with it. One rebuild
     * per event at a time in this replica: readers that miss while it runs wait for it and share its snapshot,
     * instead of each reading every seat of the event (when the ready marker expires in the middle of an on-sale,
     * every concurrent availability request misses at once).
     */
    InventorySnapshot rebuild(UUID eventId) {
        CompletableFuture<InventorySnapshot> mine = new CompletableFuture<>();
        CompletableFuture<InventorySnapshot> running = rebuilding.putIfAbsent(eventId, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }
        try {
            // Cleared first: a change that fails to write after this point marks the event dirty again.
            dirty.remove(eventId);
            rebuilds.increment();
            InventorySnapshot snapshot = store.snapshot(eventId);
            if (!guard.run(() -> write(eventId, snapshot))) {
                dirty.add(eventId);
            }
            mine.complete(snapshot);
            return snapshot;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rebuilding.remove(eventId, mine);
        }
    }

    private void write(UUID eventId, InventorySnapshot snapshot) {
        snapshot.availableSeats().forEach((section, seats) -> {
            String key = seatsKey(eventId, section);
            String staging = key + ":rebuild:" + UUID.randomUUID();
            if (seats.isEmpty()) {
                redis.delete(key);
                return;
            }
            redis.opsForSet().add(staging, seats.stream().map(UUID::toString).toArray(String[]::new));
            redis.rename(staging, key);
            redis.expire(key, SET_TTL);
        });
        snapshot.areas().forEach((section, stripes) -> {
            redis.delete(areaKey(eventId, section));
            stripes.values().forEach(count -> writeArea(eventId, section, count));
        });
        redis.opsForValue().set(readyKey(eventId), "1", ttl);
    }

    /** One stripe's count, unless the cache already has a newer one of that stripe. */
    private void writeArea(UUID eventId, UUID sectionId, InventoryChange.AreaCount count) {
        redis.execute(WRITE_AREA_IF_NEWER, List.of(areaKey(eventId, sectionId)), Integer.toString(count.remaining()),
                Long.toString(count.version()), Long.toString(SET_TTL.toMillis()), Integer.toString(count.stripe()));
    }

    /**
     * Rebuilds the events whose changes could not be written while Redis was unreachable, once it answers
     * ({@link AvailabilityRecovery} calls it every {@code cache-recovery-interval}).
     */
    void recover() {
        for (UUID eventId : List.copyOf(dirty)) {
            if (!guard.run(() -> redis.delete(readyKey(eventId)))) {
                return;
            }
            rebuild(eventId);
            log.info("Availability cache of event {} rebuilt from the database after a Redis outage", eventId);
        }
    }

    boolean isDirty(UUID eventId) {
        return dirty.contains(eventId);
    }

    private static String readyKey(UUID eventId) {
        return "booking:availability:{" + eventId + "}:ready";
    }

    private static String seatsKey(UUID eventId, UUID sectionId) {
        return "booking:availability:{" + eventId + "}:seats:" + sectionId;
    }

    private static String areaKey(UUID eventId, UUID sectionId) {
        return "booking:availability:{" + eventId + "}:area:" + sectionId;
    }
}
