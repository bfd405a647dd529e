package org.boxoffice.booking.question;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Questions and their refusals, whose constructors the domain keeps to itself, for the web slices. */
public final class QuestionExamples {

    private QuestionExamples() {
    }

    /** A required per-ticket choice question, first asked. */
    public static Question shirtSize(UUID eventId) {
        return new Question(eventId, 1, new QuestionSpec("Shirt size", QuestionKind.CHOICE, List.of("S", "M", "L"),
                true, QuestionScope.TICKET), Instant.now());
    }

    public static RuntimeException notFound(UUID questionId) {
        return new QuestionNotFound(questionId);
    }

    public static RuntimeException invalid(String field, String detail) {
        return new InvalidQuestion(field, detail);
    }
}
