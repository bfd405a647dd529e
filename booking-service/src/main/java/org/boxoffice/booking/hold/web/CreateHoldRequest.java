package org.boxoffice.booking.hold.web;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.hold.HoldRequest;
import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Exactly one of: {@code seatIds} (these seats), {@code bestAvailable} (N best seats of a section), or
 * {@code generalAdmission} (N tickets of an area). {@code accessCode} opens the pre-sale before the event's
 * {@code onSaleAt} and hidden tiers (docs/commerce.md); where neither is asked for it is not needed and not used.
 */
public record CreateHoldRequest(@NotNull UUID eventId,
        @Nullable @Size(min = 1, max = 100) List<@NotNull UUID> seatIds,
        @Valid @Nullable Quantity bestAvailable,
        @Valid @Nullable Quantity generalAdmission,
        @Nullable @Size(min = 1, max = 40) String accessCode) {

    /** A number of tickets of one section. */
    public record Quantity(@NotNull UUID sectionId, @Min(1) @Max(100) int quantity) {
    }

    @AssertTrue(message = "give exactly one of seatIds, bestAvailable or generalAdmission")
    boolean isOneKind() {
        int kinds = (seatIds == null ? 0 : 1) + (bestAvailable == null ? 0 : 1) + (generalAdmission == null ? 0 : 1);
        return kinds == 1;
    }

    HoldRequest toDomain() {
        if (seatIds != null) {
            return new HoldRequest.SpecificSeats(eventId, List.copyOf(seatIds));
        }
        if (bestAvailable != null) {
            return new HoldRequest.BestAvailable(eventId, bestAvailable.sectionId(), bestAvailable.quantity());
        }
        return new HoldRequest.GeneralAdmission(eventId, generalAdmission.sectionId(), generalAdmission.quantity());
    }
}
