package org.boxoffice.booking.question;

import java.util.List;

/** A question as the organizer defines it; {@code options} only for a CHOICE question. */
public record QuestionSpec(String label, QuestionKind kind, List<String> options, boolean required,
        QuestionScope scope) {

    public QuestionSpec {
        options = List.copyOf(options);
    }
}
