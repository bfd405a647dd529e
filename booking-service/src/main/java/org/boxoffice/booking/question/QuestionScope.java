package org.boxoffice.booking.question;

/** Whom a question is asked about. */
public enum QuestionScope {
    /** Once per order (the buyer). */
    ORDER,
    /** Once per ticket of the order (each attendee). */
    TICKET
}
