package org.boxoffice.booking.hold;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Tickets reserved for one buyer until {@code expiresAt}. */
public record Hold(UUID id, UUID eventId, UUID buyerId, String buyerEmail, HoldStatus status, int quantity,
        Instant createdAt, Instant expiresAt, @Nullable Instant endedAt, List<HoldItem> items) {

    /** Time left before the hold expires; zero once it has or once it is no longer active. */
    public Duration remaining(Instant now) {
        if (status != HoldStatus.ACTIVE || !now.isBefore(expiresAt)) {
            return Duration.ZERO;
        }
        return Duration.between(now, expiresAt);
    }

    /** The status a buyer should see: an active hold past its expiry is expired even before the sweeper runs. */
    public HoldStatus effectiveStatus(Instant now) {
        return status == HoldStatus.ACTIVE && !now.isBefore(expiresAt) ? HoldStatus.EXPIRED : status;
    }
}
