package org.boxoffice.booking.ticket.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.question.AttendeeQuestions.Answered;
import org.boxoffice.booking.ticket.Ticket;
import org.boxoffice.booking.ticket.TicketStatus;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as its holder and the door see it; {@code qrPayload} is what the QR code encodes. A ticket the buyer
 * transferred ({@code holderEmail} set) shows its buyer neither code nor QR payload (both empty): they are the
 * recipient's. {@code transferredFrom} names the ticket it replaced; a transferred ticket ({@code transferredAt} set) is VOID.
 * {@code answers}: the order's answers to the event's questions and this ticket's.
 */
public record TicketResponse(UUID id, UUID orderId, UUID eventId, UUID sectionId, String sectionName,
        @Nullable String row, @Nullable String seat, String tierName, long priceMinor, String currency, String code,
        String qrPayload, TicketStatus status, Instant issuedAt, @Nullable Instant checkedInAt,
        @Nullable String holderEmail, @Nullable UUID transferredFrom, @Nullable Instant transferredAt,
        List<Answered> answers) {

    /** The ticket as its buyer sees it. */
    static TicketResponse forBuyer(Ticket t, List<Answered> orderAnswers) {
        boolean handedOn = t.holderEmail() != null && t.status() == TicketStatus.VALID;
        return of(t, handedOn ? "" : t.code(), handedOn ? "" : t.qrPayload(), orderAnswers);
    }

    /** The ticket as the door sees it. */
    static TicketResponse atTheDoor(Ticket t, List<Answered> ticketAnswers) {
        return of(t, t.code(), t.qrPayload(), ticketAnswers);
    }

    private static TicketResponse of(Ticket t, String code, String qrPayload, List<Answered> orderAnswers) {
        List<Answered> mine = orderAnswers.stream()
                .filter(a -> a.ticket() == null || a.ticket() == t.position()).toList();
        return new TicketResponse(t.id(), t.orderId(), t.eventId(), t.sectionId(), t.sectionName(), t.row(), t.seat(),
                t.tierName(), t.priceMinor(), t.currency().getCurrencyCode(), code, qrPayload, t.status(),
                t.issuedAt(), t.checkedInAt(), t.holderEmail(), t.transferredFrom(), t.transferredAt(), mine);
    }
}
