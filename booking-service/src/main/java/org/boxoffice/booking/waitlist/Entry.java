package org.boxoffice.booking.waitlist;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A buyer's place in a section's line, as they see it: {@code position} (1 = next) while waiting, and the offer
 * made to it, if any.
 */
public record Entry(UUID id, UUID eventId, UUID sectionId, UUID buyerId, int quantity, EntryStatus status,
        @Nullable Long position, Instant joinedAt, @Nullable Offer offer) {

    /** Tickets offered to the entry, held for its buyer until {@code expiresAt}; {@code holdId} once claimed. */
    public record Offer(UUID id, OfferStatus status, List<UUID> seatIds, int quantity, Instant offeredAt,
            Instant expiresAt, @Nullable UUID holdId) {

        public Offer {
            seatIds = List.copyOf(seatIds);
        }
    }
}
