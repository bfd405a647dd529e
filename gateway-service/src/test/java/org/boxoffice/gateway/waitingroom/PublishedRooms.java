package org.boxoffice.gateway.waitingroom;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/** Writes an event's waiting room setting into Redis exactly as booking-service publishes it. */
final class PublishedRooms {

    private PublishedRooms() {
    }

    record Room(UUID eventId, UUID organizationId, boolean enabled, String mode, int rate, int min, int max,
            Instant opensAt, Instant onSaleAt, Instant offSaleAt, Duration pass, long version) {

        /** A fixed-rate room on sale since a minute before {@code now}, the queue open for half an hour. */
        static Room onSale(Instant now, int ratePerMinute) {
            return new Room(UUID.randomUUID(), UUID.randomUUID(), true, "FIXED", ratePerMinute, ratePerMinute,
                    ratePerMinute, now.minus(Duration.ofMinutes(31)), now.minus(Duration.ofMinutes(1)),
                    now.plus(Duration.ofDays(1)), Duration.ofMinutes(10), now.toEpochMilli());
        }

        Room opening(Instant onSale) {
            return new Room(eventId, organizationId, enabled, mode, rate, min, max, onSale.minus(Duration.ofMinutes(30)),
                    onSale, offSaleAt, pass, version);
        }

        Room auto(int start, int lowest, int highest) {
            return new Room(eventId, organizationId, enabled, "AUTO", start, lowest, highest, opensAt, onSaleAt,
                    offSaleAt, pass, version);
        }

        Room pass(Duration lifetime) {
            return new Room(eventId, organizationId, enabled, mode, rate, min, max, opensAt, onSaleAt, offSaleAt,
                    lifetime, version);
        }
    }

    static Room publish(ReactiveStringRedisTemplate redis, Room room) {
        Map<String, String> hash = new LinkedHashMap<>();
        hash.put("eventId", room.eventId().toString());
        hash.put("organizationId", room.organizationId().toString());
        hash.put("enabled", Boolean.toString(room.enabled()));
        hash.put("mode", room.mode());
        hash.put("ratePerMinute", Integer.toString(room.rate()));
        hash.put("minRatePerMinute", Integer.toString(room.min()));
        hash.put("maxRatePerMinute", Integer.toString(room.max()));
        hash.put("opensAt", Long.toString(room.opensAt().toEpochMilli()));
        hash.put("onSaleAt", Long.toString(room.onSaleAt().toEpochMilli()));
        hash.put("offSaleAt", Long.toString(room.offSaleAt().toEpochMilli()));
        hash.put("passSeconds", Long.toString(room.pass().toSeconds()));
        hash.put("version", Long.toString(room.version()));
        redis.opsForHash().putAll(Rooms.SETTINGS_PREFIX + room.eventId(), hash).block();
        if (room.enabled()) {
            redis.opsForSet().add(Rooms.EVENTS, room.eventId().toString()).block();
        } else {
            redis.opsForSet().remove(Rooms.EVENTS, room.eventId().toString()).block();
        }
        return room;
    }
}
