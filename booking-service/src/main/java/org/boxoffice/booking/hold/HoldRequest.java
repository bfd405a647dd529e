package org.boxoffice.booking.hold;

import java.util.List;
import java.util.UUID;

/** What a buyer asks to hold. */
public sealed interface HoldRequest {

    UUID eventId();

    int quantity();

    /** These exact seats. */
    record SpecificSeats(UUID eventId, List<UUID> seatIds) implements HoldRequest {
        public int quantity() {
            return seatIds.size();
        }
    }

    /** The best {@code quantity} seats left in a seated section, adjacent in one row where possible. */
    record BestAvailable(UUID eventId, UUID sectionId, int quantity) implements HoldRequest {
    }

    /** {@code quantity} tickets of a general-admission area. */
    record GeneralAdmission(UUID eventId, UUID sectionId, int quantity) implements HoldRequest {
    }
}
