package org.boxoffice.booking.hold.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.hold.Hold;
import org.boxoffice.booking.hold.HoldStatus;
import org.jspecify.annotations.Nullable;

/** A hold as the buyer sees it, with the seconds it has left. */
public record HoldResponse(UUID id, UUID eventId, HoldStatus status, int quantity, Instant createdAt,
        Instant expiresAt, long remainingSeconds, List<Item> items) {

    /** A seat, or a quantity of a general-admission area. */
    public record Item(UUID sectionId, @Nullable UUID seatId, int quantity) {
    }

    public static HoldResponse of(Hold hold, Instant now) {
        return new HoldResponse(hold.id(), hold.eventId(), hold.effectiveStatus(now), hold.quantity(),
                hold.createdAt(), hold.expiresAt(), hold.remaining(now).toSeconds(),
                hold.items().stream().map(i -> new Item(i.sectionId(), i.seatId(), i.quantity())).toList());
    }
}
