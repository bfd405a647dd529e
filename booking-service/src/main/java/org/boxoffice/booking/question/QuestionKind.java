package org.boxoffice.booking.question;

/** What kind of answer a question takes. */
public enum QuestionKind {
    /** Free text, up to 1,000 characters. */
    TEXT,
    /** Exactly one of the question's options. */
    CHOICE,
    /** {@code true} or {@code false}; a required checkbox must be ticked ({@code true}). */
    CHECKBOX
}
