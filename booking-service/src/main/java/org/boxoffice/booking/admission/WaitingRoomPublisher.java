package org.boxoffice.booking.admission;

import java.time.Duration;
import java.util.List;

import org.boxoffice.booking.system.RedisGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Tells the gateway which events have a waiting room: after the setting commits, a Redis hash per event
 * ({@code boxoffice:waiting-room:settings:<eventId>}) and the set of events whose room is on
 * ({@code boxoffice:waiting-room:events}); the room of a cancelled or completed event is published closed. The
 * gateway reads nothing else of booking-service. A write is applied
 * only if it is newer than the one in Redis (two organizers saving at once cannot leave the older setting), and the
 * {@link WaitingRoomRepublisher} writes every current setting again periodically, which repairs a write lost while
 * Redis was down or a Redis that restarted empty. Whatever Redis says, booking-service itself decides from its database
 * whether a hold needs a pass.
 */
@Component
class WaitingRoomPublisher {

    static final String SETTINGS_PREFIX = "boxoffice:waiting-room:settings:";
    static final String EVENTS = "boxoffice:waiting-room:events";
    private static final Logger log = LoggerFactory.getLogger(WaitingRoomPublisher.class);
    /** How long after the sale ends the gateway may still read the setting (admins look at the last queue). */
    private static final Duration KEEP_AFTER_SALE = Duration.ofDays(1);

    private static final RedisScript<Long> WRITE_IF_NEWER = new DefaultRedisScript<>("""
            local version = redis.call('HGET', KEYS[1], 'version')
            if version and tonumber(version) > tonumber(ARGV[1]) then return 0 end
            for i = 3, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
            redis.call('HSET', KEYS[1], 'version', ARGV[1])
            redis.call('PEXPIREAT', KEYS[1], ARGV[2])
            if redis.call('HGET', KEYS[1], 'enabled') == 'true' then
              redis.call('SADD', KEYS[2], redis.call('HGET', KEYS[1], 'eventId'))
            else
              redis.call('SREM', KEYS[2], redis.call('HGET', KEYS[1], 'eventId'))
            end
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final RedisGuard guard;

    WaitingRoomPublisher(StringRedisTemplate redis, RedisGuard guard) {
        this.redis = redis;
        this.guard = guard;
    }

    /** Writes the setting for the gateway; false when Redis could not be reached (the republisher will retry). */
    boolean publish(WaitingRooms.OfEvent current) {
        WaitingRoom room = current.room();
        long keepUntil = current.offSaleAt().plus(KEEP_AFTER_SALE).toEpochMilli();
        List<String> keys = List.of(SETTINGS_PREFIX + room.eventId(), EVENTS);
        Object[] args = {
                Long.toString(room.updatedAt().toEpochMilli()), Long.toString(keepUntil),
                "eventId", room.eventId().toString(),
                "organizationId", current.organizationId().toString(),
                "enabled", Boolean.toString(room.enabled() && !current.eventOver()),
                "mode", room.mode().name(),
                "ratePerMinute", Integer.toString(room.ratePerMinute()),
                "minRatePerMinute", Integer.toString(room.minRatePerMinute()),
                "maxRatePerMinute", Integer.toString(room.maxRatePerMinute()),
                "opensAt", Long.toString(current.onSaleAt().minus(room.opensBefore()).toEpochMilli()),
                "onSaleAt", Long.toString(current.onSaleAt().toEpochMilli()),
                "offSaleAt", Long.toString(current.offSaleAt().toEpochMilli()),
                "passSeconds", Long.toString(room.passLifetime().toSeconds()) };
        boolean written = guard.run(() -> redis.execute(WRITE_IF_NEWER, keys, args));
        if (!written) {
            log.warn("Waiting room of event {} not published to Redis; the republisher will retry", room.eventId());
        }
        return written;
    }
}
