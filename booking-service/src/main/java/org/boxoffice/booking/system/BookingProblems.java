package org.boxoffice.booking.system;

import org.boxoffice.platform.problem.ProblemType;

/** The problem types booking-service answers with, beyond the platform's generic ones. Slugs never change. */
public final class BookingProblems {

    public static final ProblemType VENUE_NOT_FOUND = new ProblemType("venue-not-found", "Venue not found", 404);
    public static final ProblemType SECTION_NOT_FOUND = new ProblemType("section-not-found", "Section not found", 404);
    public static final ProblemType SEAT_MAP_CONFLICT = new ProblemType("seat-map-conflict", "Seat map conflict", 409);
    public static final ProblemType EVENT_NOT_FOUND = new ProblemType("event-not-found", "Event not found", 404);
    public static final ProblemType EVENT_STATE_CONFLICT = new ProblemType("event-state-conflict",
            "The event's state does not allow this", 409);
    public static final ProblemType INVALID_EVENT = new ProblemType("invalid-event", "Invalid event", 422);
    public static final ProblemType NOT_GENERAL_ADMISSION = new ProblemType("not-general-admission",
            "Not a general-admission area", 422);
    public static final ProblemType SALE_NOT_OPEN = new ProblemType("sale-not-open", "Sale not open", 409);
    public static final ProblemType UNKNOWN_SEATS = new ProblemType("unknown-seats", "Unknown seats", 422);
    public static final ProblemType SEATS_UNAVAILABLE = new ProblemType("seats-unavailable", "Seats unavailable", 409);
    public static final ProblemType CAPACITY_EXCEEDED = new ProblemType("capacity-exceeded",
            "Not enough tickets left", 409);
    public static final ProblemType TICKET_LIMIT_EXCEEDED = new ProblemType("ticket-limit-exceeded",
            "Ticket limit exceeded", 422);
    /** The operators' kill switch (flag {@code holds.paused}) refuses new holds. */
    public static final ProblemType HOLDS_PAUSED = new ProblemType("holds-paused", "New holds are paused", 503);
    public static final ProblemType HOLD_NOT_FOUND = new ProblemType("hold-not-found", "Hold not found", 404);
    public static final ProblemType HOLD_EXPIRED = new ProblemType("hold-expired", "Hold expired", 409);
    public static final ProblemType HOLD_NOT_ACTIVE = new ProblemType("hold-not-active", "Hold no longer active", 409);
    public static final ProblemType ORDER_NOT_FOUND = new ProblemType("order-not-found", "Order not found", 404);
    public static final ProblemType ORDER_STATE_CONFLICT = new ProblemType("order-state-conflict",
            "The order's state does not allow this", 409);
    public static final ProblemType REFUND_WINDOW_CLOSED = new ProblemType("refund-window-closed",
            "The event's refund policy no longer allows cancelling", 409);
    public static final ProblemType TICKET_NOT_FOUND = new ProblemType("ticket-not-found", "Ticket not found", 404);
    public static final ProblemType TICKET_ALREADY_CHECKED_IN = new ProblemType("ticket-already-checked-in",
            "Ticket already checked in", 409);
    public static final ProblemType TICKET_VOID = new ProblemType("ticket-void", "Ticket is void", 409);
    public static final ProblemType TICKETS_CHECKED_IN = new ProblemType("tickets-checked-in",
            "The order's tickets were already used at the door", 409);
    /** A ticket PDF link whose time is up: ask for a new one. */
    public static final ProblemType TICKET_LINK_EXPIRED = new ProblemType("ticket-link-expired",
            "Ticket download link expired", 403);
    /** A ticket PDF link that this service did not sign for this ticket and this account. */
    public static final ProblemType TICKET_LINK_INVALID = new ProblemType("ticket-link-invalid",
            "Ticket download link invalid", 403);
    public static final ProblemType INVALID_TICKET_SIGNATURE = new ProblemType("invalid-ticket-signature",
            "Invalid ticket QR payload", 400);

    public static final ProblemType CODE_NOT_FOUND = new ProblemType("code-not-found", "Code not found", 404);
    public static final ProblemType INVALID_CODE = new ProblemType("invalid-code", "Invalid code definition", 422);
    public static final ProblemType DUPLICATE_CODE = new ProblemType("duplicate-code",
            "The event already has this code", 409);
    public static final ProblemType UNKNOWN_CODE = new ProblemType("unknown-code", "Unknown code", 422);
    public static final ProblemType CODE_NOT_YET_VALID = new ProblemType("code-not-yet-valid", "Code not yet valid",
            422);
    public static final ProblemType CODE_EXPIRED = new ProblemType("code-expired", "Code expired", 422);
    public static final ProblemType CODE_DISABLED = new ProblemType("code-disabled", "Code disabled", 422);
    public static final ProblemType CODE_NOT_APPLICABLE = new ProblemType("code-not-applicable",
            "Code does not apply to these tickets", 422);
    public static final ProblemType CODE_EXHAUSTED = new ProblemType("code-exhausted", "Code used up", 409);
    public static final ProblemType CODE_LIMIT_REACHED = new ProblemType("code-limit-reached",
            "Code used up for this buyer", 409);

    public static final ProblemType INVOICE_NOT_FOUND = new ProblemType("invoice-not-found", "Invoice not found", 404);
    public static final ProblemType ISSUER_NOT_FOUND = new ProblemType("issuer-not-found",
            "No invoicing details for this organization", 404);

    public static final ProblemType WAITING_LIST_CLOSED = new ProblemType("waiting-list-closed",
            "The event has no waiting list", 409);
    public static final ProblemType TICKETS_AVAILABLE = new ProblemType("tickets-available",
            "Tickets are available: hold them instead", 409);
    public static final ProblemType ALREADY_WAITING = new ProblemType("already-waiting",
            "Already in the waiting list for this section", 409);
    public static final ProblemType WAITING_LIST_ENTRY_NOT_FOUND = new ProblemType("waiting-list-entry-not-found",
            "Waiting list entry not found", 404);
    public static final ProblemType OFFER_NOT_OPEN = new ProblemType("offer-not-open",
            "No open offer to claim", 409);

    public static final ProblemType TICKET_TRANSFERRED = new ProblemType("ticket-transferred",
            "Ticket transferred to someone else", 409);
    public static final ProblemType TRANSFER_NOT_ALLOWED = new ProblemType("transfer-not-allowed",
            "The event does not allow this transfer", 409);

    public static final ProblemType QUESTION_NOT_FOUND = new ProblemType("question-not-found", "Question not found",
            404);
    public static final ProblemType INVALID_QUESTION = new ProblemType("invalid-question",
            "Invalid question definition", 422);
    public static final ProblemType INVALID_ANSWERS = new ProblemType("invalid-answers",
            "The answers to the event's questions are incomplete or invalid", 400);

    private BookingProblems() {
    }
}
