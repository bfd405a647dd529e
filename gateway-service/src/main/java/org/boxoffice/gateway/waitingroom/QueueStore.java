package org.boxoffice.gateway.waitingroom;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The waiting room's queues in Redis: joining, polling, leaving, the draw of the early arrivals and the admission
 * ticks, each one atomic script ({@link QueueScripts}, which also describes the keys), plus the reads and live
 * changes of a queue's state for the organizer's view. Times come from the caller's clock.
 */
@Component
class QueueStore {

    private final ReactiveStringRedisTemplate redis;
    private final WaitingRoomProperties properties;
    private final SecureRandom random = new SecureRandom();

    QueueStore(ReactiveStringRedisTemplate redis, WaitingRoomProperties properties) {
        this.redis = redis;
        this.properties = properties;
    }

    /** The per-event keys, in the order every script takes them. */
    static List<String> keys(UUID eventId) {
        String prefix = "boxoffice:waiting-room:{" + eventId + "}:";
        return List.of(prefix + "state", prefix + "early", prefix + "places", prefix + "tickets", prefix + "joined",
                prefix + "seen", prefix + "admitted", prefix + "waits");
    }

    /**
     * The account's place, a new one at the back if it has none (one place per account: a second tab gets the same),
     * or its pass while that lasts.
     */
    Mono<Place> join(RoomSettings room, UUID account, Instant now) {
        return script(QueueScripts.JOIN, room, placeArguments(room, account, now, room.passLifetime())).map(Place::of);
    }

    /** The account's place or pass without taking one; polling also records when the buyer is due back. */
    Mono<Place> status(RoomSettings room, UUID account, Instant now) {
        return script(QueueScripts.STATUS, room, placeArguments(room, account, now, Duration.ZERO)).map(Place::of);
    }

    private List<String> placeArguments(RoomSettings room, UUID account, Instant now, Duration passLifetime) {
        return List.of(account.toString(), ms(now), ms(room.onSaleAt()), Long.toString(passLifetime.toMillis()),
                Integer.toString(room.ratePerMinute()), Long.toString(properties.minPoll().toMillis()),
                Long.toString(properties.maxPoll().toMillis()), Integer.toString(properties.pollBudget()),
                Long.toString(properties.maxPollUnderLoad().toMillis()));
    }

    /** Gives the place up (or the pass: joining again then means the back of the queue). True if there was one. */
    Mono<Boolean> leave(RoomSettings room, UUID account) {
        return script(QueueScripts.LEAVE, room, List.of(account.toString())).map(left -> left == 1);
    }

    /**
     * Draws the order of the early arrivals (a shuffle with a SecureRandom, so arriving first before the sale opens
     * gives no advantage) and opens the queue; the number of places drawn, -1 when it was open already.
     */
    Mono<Long> draw(RoomSettings room, Instant now) {
        List<String> keys = keys(room.eventId());
        return redis.opsForSet().members(keys.get(1)).collectList().timeout(properties.redisTimeout())
                .flatMap(early -> {
                    List<String> order = new ArrayList<>(early);
                    Collections.shuffle(order, random);
                    List<String> args = new ArrayList<>(order.size() + 1);
                    args.add(ms(now));
                    args.addAll(order);
                    return redis.execute(QueueScripts.DRAW, keys, args).next()
                            .timeout(properties.redisTimeout().plus(Duration.ofMillis(order.size() / 10)));
                });
    }

    /** The outcome of one tick. */
    record Tick(boolean opened, long admitted, long abandoned, long waiting, int ratePerMinute, boolean paused,
            boolean everyone, List<Long> waitsMillis) {
    }

    /** Lets in the buyers owed since the last tick, in ticket order, skipping places of buyers who left. */
    Mono<Tick> tick(RoomSettings room, Instant now) {
        return script(QueueScripts.TICK, room, List.of(ms(now), Integer.toString(room.ratePerMinute()),
                Long.toString(room.passLifetime().toMillis()), Long.toString(properties.idleTimeout().toMillis()),
                Long.toString(properties.maxTickGap().toMillis()), Integer.toString(properties.maxAdmissionsPerTick()),
                ms(room.offSaleAt().plus(Duration.ofDays(1))), Long.toString(room.version())))
                .map(reply -> {
                    long[] v = reply.stream().mapToLong(o -> ((Number) o).longValue()).toArray();
                    if (v[0] < 0) {
                        return new Tick(false, 0, 0, 0, room.ratePerMinute(), false, false, List.of());
                    }
                    List<Long> waits = new ArrayList<>();
                    for (int i = 6; i < v.length; i++) {
                        waits.add(v[i]);
                    }
                    return new Tick(true, v[0], v[1], v[2], (int) v[3], v[4] == 1, v[5] == 1, waits);
                });
    }

    /** The queue's state hash. */
    Mono<Map<String, String>> state(UUID eventId) {
        return redis.<String, String>opsForHash().entries(keys(eventId).getFirst())
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).timeout(properties.redisTimeout());
    }

    /** The number of early arrivals waiting for the draw. */
    Mono<Long> earlyArrivals(UUID eventId) {
        return redis.opsForSet().size(keys(eventId).get(1)).timeout(properties.redisTimeout());
    }

    /** The last admissions, newest first: {@code [admittedAtMs, waitMs]}. */
    Mono<List<long[]>> recentAdmissions(UUID eventId) {
        return redis.opsForList().range(keys(eventId).get(7), 0, 1999)
                .map(entry -> {
                    int colon = entry.indexOf(':');
                    return new long[] { Long.parseLong(entry.substring(0, colon)), Long.parseLong(entry.substring(colon + 1)) };
                })
                .collectList().timeout(properties.redisTimeout());
    }

    /** Sets (or with null removes) live fields of the queue's state. */
    Mono<Void> setState(UUID eventId, Map<String, String> set, List<String> remove) {
        String key = keys(eventId).getFirst();
        Mono<?> removed = remove.isEmpty() ? Mono.just(0L)
                : redis.opsForHash().remove(key, remove.toArray());
        Mono<?> written = set.isEmpty() ? Mono.just(true) : redis.opsForHash().putAll(key, set);
        return removed.then(written).timeout(properties.redisTimeout()).then();
    }

    /** Takes the turn to adjust an AUTO room's rate for one interval; false when another replica has it. */
    Mono<Boolean> claimAdjustment(UUID eventId, Duration interval) {
        return redis.opsForValue().setIfAbsent("boxoffice:waiting-room:{" + eventId + "}:adjust", "1", interval)
                .timeout(properties.redisTimeout());
    }

    private <T> Mono<T> script(RedisScript<T> script, RoomSettings room, List<String> args) {
        return redis.execute(script, keys(room.eventId()), args).next().timeout(properties.redisTimeout());
    }

    private static String ms(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }
}
