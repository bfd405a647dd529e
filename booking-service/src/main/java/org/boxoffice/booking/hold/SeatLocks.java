package org.boxoffice.booking.hold;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.boxoffice.booking.system.BookingProperties;
import org.boxoffice.booking.system.RedisGuard;
import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Redisson locks over the seats of one hold attempt: one lock per seat, all taken or none in a single Redis call
 * (Redisson's multi-lock over the fields of one hash per event: a seat is a field), so that two attempts over
 * overlapping seats can never deadlock and a two-seat hold costs one round trip to lock and one to unlock, not four.
 * A short wait and a lease.
 *
 * <p>The lock only keeps contention off the database; it is not what makes a seat safe. A lost lock, a lease that
 * runs out mid-transaction, or Redis being down lets two attempts reach the database together, and the conditional
 * update in {@link HoldFence} then lets exactly one of them win. When Redis fails, calls go through the
 * {@link RedisGuard} breaker and the attempt proceeds without a lock.
 */
@Component
@SqlByDesign("The hold path: the Redisson seat locks that keep the crowd off the fence's conditional UPDATE; the hold "
        + "path's statements are written by hand so each hold is one short transaction")
class SeatLocks {

    private static final Logger log = LoggerFactory.getLogger(SeatLocks.class);

    private final RedissonClient redisson;
    private final RedisGuard guard;
    private final BookingProperties properties;

    SeatLocks(RedissonClient redisson, RedisGuard guard, BookingProperties properties) {
        this.redisson = redisson;
        this.guard = guard;
        this.properties = properties;
    }

    /** The seat locks of an event, one field per locked seat. */
    static String lockGroup(UUID eventId) {
        return "booking:seat-locks:{" + eventId + "}";
    }

    /** The lock over these seats of the event, as every hold attempt takes it. */
    static RLock lock(RedissonClient redisson, UUID eventId, List<UUID> seatIds) {
        return redisson.getMultiLock(lockGroup(eventId), seatIds.stream().sorted().map(UUID::toString)
                .map(Object.class::cast).toList());
    }

    /**
     * Runs {@code work} holding the locks of every seat, or without them if Redis is unavailable.
     *
     * @throws Contended when another attempt holds one of the seats' locks for longer than the wait
     */
    <T> T withSeats(UUID eventId, List<UUID> seatIds, Supplier<T> work) {
        return withSeats(eventId, seatIds, properties.lockWait(), work);
    }

    /** As {@link #withSeats(UUID, List, Supplier)}, waiting at most {@code wait} (zero: one try, no waiting). */
    <T> T withSeats(UUID eventId, List<UUID> seatIds, Duration wait, Supplier<T> work) {
        List<UUID> ordered = seatIds.stream().sorted().toList();
        Optional<Attempt> attempt = guard.call(() -> tryLock(eventId, ordered, wait));
        if (attempt.isEmpty()) {
            log.debug("Seat locks unavailable (Redis down or breaker open); relying on the database fence");
            return work.get();
        }
        RLock lock = attempt.get().lock();
        if (lock == null) {
            throw new Contended();
        }
        try {
            return work.get();
        } finally {
            unlock(lock);
        }
    }

    /** Another attempt held a seat's lock past the wait: the seats are probably being taken right now. */
    static final class Contended extends RuntimeException {
        Contended() {
            super("seat locks contended", null, false, false);
        }
    }

    /** Redis answered: with the lock, or with null when another attempt held one of the seats past the wait. */
    private record Attempt(@Nullable RLock lock) {
    }

    private Attempt tryLock(UUID eventId, List<UUID> ordered, Duration wait) {
        RLock multi = lock(redisson, eventId, ordered);
        try {
            boolean locked = multi.tryLock(wait.toMillis(), properties.lockLease().toMillis(),
                    TimeUnit.MILLISECONDS);
            return new Attempt(locked ? multi : null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for seat locks", e);
        }
    }

    private void unlock(RLock lock) {
        try {
            lock.unlock();
        } catch (IllegalMonitorStateException leaseRanOut) {
            // The lease expired before the transaction finished; the fence already decided who won.
            log.warn("Seat lock lease ran out before the hold finished");
        } catch (RuntimeException redisFailure) {
            // The lease frees the seats' locks by itself.
            log.warn("Could not release seat locks: {}", redisFailure.toString());
        }
    }
}
