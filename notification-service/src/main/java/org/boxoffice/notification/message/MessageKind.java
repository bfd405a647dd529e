package org.boxoffice.notification.message;

/** What a message says; each has an HTML and a text template under {@code templates/mail/} and messages per locale. */
public enum MessageKind {
    /** The order is confirmed: the tickets, as one PDF with a QR code per ticket (to a verified address). */
    TICKETS,
    /** The order is confirmed: the purchase receipt without the tickets, for an address not verified yet. */
    RECEIPT,
    /** A ticket handed on by its buyer: the new ticket as a PDF with its QR code, to the recipient's address. */
    TICKET_TRANSFERRED,
    /** The order was not paid in time; nothing was charged. */
    ORDER_EXPIRED,
    /** The order was cancelled; says how much is refunded. */
    ORDER_CANCELLED,
    /** A payment attempt failed. */
    PAYMENT_FAILED,
    /** Tickets given back were offered to the buyer's place in a waiting list: claim them before they pass on. */
    WAITING_LIST_OFFER,
    /** The event will not take place. */
    EVENT_CANCELLED,
    /** An organizer's message to every ticket holder of an event. */
    ANNOUNCEMENT,
    /** Someone tried to register the account's email again: if it was the owner, they already have an account. */
    REGISTRATION_ATTEMPTED,
    /** The code that confirms an email address (asked for in user-service). */
    EMAIL_CODE,
    /** The code that confirms a phone number (asked for in the preferences). */
    PHONE_CODE;

    String template() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
