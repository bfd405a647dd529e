package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One admission: a seat ({@code row} and {@code seat} set) or a general-admission place. */
public record Ticket(UUID id, UUID orderId, UUID eventId, UUID buyerId, int position, UUID sectionId,
        String sectionName, @Nullable UUID seatId, @Nullable String row, @Nullable String seat, String tierName,
        long priceMinor, Currency currency, String code, String qrPayload, TicketStatus status, Instant issuedAt,
        @Nullable Instant voidedAt, @Nullable Instant checkedInAt) {
}
