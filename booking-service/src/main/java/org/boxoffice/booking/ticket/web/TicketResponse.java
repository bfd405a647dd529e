package org.boxoffice.booking.ticket.web;

import java.time.Instant;
import java.util.UUID;

import org.boxoffice.booking.ticket.Ticket;
import org.boxoffice.booking.ticket.TicketStatus;
import org.jspecify.annotations.Nullable;

/** A ticket as its holder and the door see it; {@code qrPayload} is what the QR code encodes. */
public record TicketResponse(UUID id, UUID orderId, UUID eventId, UUID sectionId, String sectionName,
        @Nullable String row, @Nullable String seat, String tierName, long priceMinor, String currency, String code,
        String qrPayload, TicketStatus status, Instant issuedAt, @Nullable Instant checkedInAt) {

    static TicketResponse of(Ticket t) {
        return new TicketResponse(t.id(), t.orderId(), t.eventId(), t.sectionId(), t.sectionName(), t.row(), t.seat(),
                t.tierName(), t.priceMinor(), t.currency().getCurrencyCode(), t.code(), t.qrPayload(), t.status(),
                t.issuedAt(), t.checkedInAt());
    }
}
