package org.boxoffice.booking.hold;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.inventory.Claim;
import org.jspecify.annotations.Nullable;

/**
 * Tickets reserved for one buyer until {@code expiresAt}. The hold decides whether it may end ({@link #checkOut},
 * {@link #release}) and answers with the {@link HoldEnding} that {@link Holds#end} applies under the row's status
 * guard, so of several callers racing to end one hold exactly one succeeds whatever each of them read.
 */
public record Hold(UUID id, UUID eventId, UUID buyerId, String buyerEmail, HoldStatus status, int quantity,
        Instant createdAt, Instant expiresAt, @Nullable Instant endedAt, List<HoldItem> items) {

    public Hold {
        items = List.copyOf(items);
    }

    /** A new active hold of {@code items} for {@code duration}. */
    static Hold place(UUID id, UUID eventId, Buyer buyer, List<HoldItem> items, Instant now, Duration duration) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a hold is of at least one ticket");
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a hold lasts a while, not " + duration);
        }
        int quantity = items.stream().mapToInt(HoldItem::quantity).sum();
        return new Hold(id, eventId, buyer.id(), buyer.email(), HoldStatus.ACTIVE, quantity, now, now.plus(duration),
                null, items);
    }

    /** Who holds: the buyer's account and the address their tickets go to. */
    record Buyer(UUID id, String email) {
    }

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

    /** Whether {@code buyerId} holds it. */
    public boolean heldBy(UUID buyerId) {
        return this.buyerId.equals(buyerId);
    }

    /** Ends the hold for checkout: refused once it expired ({@link HoldExpired}) or ended otherwise. */
    HoldEnding checkOut(Instant now) {
        if (effectiveStatus(now) == HoldStatus.EXPIRED) {
            throw new HoldExpired(id);
        }
        if (status != HoldStatus.ACTIVE) {
            throw new HoldNotActive(id, status);
        }
        return new HoldEnding(id, HoldStatus.CHECKED_OUT, now);
    }

    /**
     * Ends the hold early, for the buyer or an organizer: refused unless it is still active as the buyer sees it
     * (not past its expiry either, which is the sweeper's to release).
     */
    HoldEnding release(ReleaseReason reason, Instant now) {
        if (reason == ReleaseReason.EXPIRED) {
            throw new IllegalArgumentException("an expiry is the sweeper's: HoldEnding.of(id, EXPIRED, now)");
        }
        if (effectiveStatus(now) != HoldStatus.ACTIVE) {
            throw new HoldNotActive(id, effectiveStatus(now));
        }
        return HoldEnding.of(id, reason, now);
    }

    /** The tickets it claims on the event's inventory. */
    public Claim claim() {
        return new Claim(eventId, buyerId, id, items.stream().map(HoldItem::allotment).toList());
    }
}
