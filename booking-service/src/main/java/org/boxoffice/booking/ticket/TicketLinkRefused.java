package org.boxoffice.booking.ticket;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/**
 * A ticket PDF link that does not open the PDF: {@code 403 ticket-link-expired} when its time is up,
 * {@code 403 ticket-link-invalid} when this service did not sign it for this ticket and the caller's account. Ask
 * for a new link ({@code GET /api/v1/tickets/{id}/pdf-link}).
 */
public final class TicketLinkRefused extends ProblemException {

    private TicketLinkRefused(boolean expired) {
        super(expired ? BookingProblems.TICKET_LINK_EXPIRED : BookingProblems.TICKET_LINK_INVALID, expired
                ? "This download link has expired: ask for a new one."
                : "This download link was not made for this ticket and your account.");
    }

    static TicketLinkRefused expired() {
        return new TicketLinkRefused(true);
    }

    static TicketLinkRefused invalid() {
        return new TicketLinkRefused(false);
    }
}
