package org.boxoffice.gateway.waitingroom;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * An event's waiting room as booking-service published it (the gateway's own copy of that contract).
 *
 * @param version  when the organizer saved it (ms); a newer setting resets live changes made on the gateway
 */
record RoomSettings(UUID eventId, UUID organizationId, boolean enabled, boolean auto, int ratePerMinute,
        int minRatePerMinute, int maxRatePerMinute, Instant opensAt, Instant onSaleAt, Instant offSaleAt,
        Duration passLifetime, long version) {

    /** Reads the hash booking-service writes; empty when it is incomplete. */
    static Optional<RoomSettings> parse(Map<String, String> hash) {
        try {
            return Optional.of(new RoomSettings(UUID.fromString(hash.get("eventId")),
                    UUID.fromString(hash.get("organizationId")), Boolean.parseBoolean(hash.get("enabled")),
                    "AUTO".equals(hash.get("mode")), Integer.parseInt(hash.get("ratePerMinute")),
                    Integer.parseInt(hash.get("minRatePerMinute")), Integer.parseInt(hash.get("maxRatePerMinute")),
                    millis(hash, "opensAt"), millis(hash, "onSaleAt"), millis(hash, "offSaleAt"),
                    Duration.ofSeconds(Long.parseLong(hash.get("passSeconds"))), Long.parseLong(hash.get("version"))));
        } catch (RuntimeException incomplete) {
            return Optional.empty();
        }
    }

    private static Instant millis(Map<String, String> hash, String field) {
        return Instant.ofEpochMilli(Long.parseLong(hash.get(field)));
    }

    /** Whether buyers may take a place at {@code now}: the room is on, open, and the sale not over. */
    boolean accepting(Instant now) {
        return enabled && !now.isBefore(opensAt) && now.isBefore(offSaleAt);
    }
}
