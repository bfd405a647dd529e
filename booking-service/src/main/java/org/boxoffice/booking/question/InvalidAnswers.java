package org.boxoffice.booking.question;

import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.FieldViolation;
import org.boxoffice.platform.problem.ProblemException;
import org.jspecify.annotations.Nullable;

/**
 * Checkout answers that leave a required question unanswered or answer one wrongly. Names the first such question
 * ({@code questionId}, {@code question}, and {@code ticket} for a per-ticket question) and lists every one in
 * {@code errors}; the checkout changes nothing.
 */
public final class InvalidAnswers extends ProblemException {

    /** One wrong or missing answer. */
    record Wrong(@Nullable UUID questionId, String question, @Nullable Integer ticket, String field, String message) {
    }

    InvalidAnswers(List<Wrong> wrong) {
        super(BookingProblems.INVALID_ANSWERS, describe(wrong.getFirst()) + (wrong.size() > 1
                ? " (and " + (wrong.size() - 1) + " more, in errors)" : ""));
        Wrong first = wrong.getFirst();
        if (first.questionId() != null) {
            with("questionId", first.questionId());
        }
        with("question", first.question());
        if (first.ticket() != null) {
            with("ticket", first.ticket());
        }
        with("errors", wrong.stream().map(w -> new FieldViolation(w.field(), describe(w))).toList());
    }

    private static String describe(Wrong wrong) {
        return "Question \"" + wrong.question() + "\"" + (wrong.ticket() == null ? "" : " for ticket " + wrong.ticket())
                + ": " + wrong.message();
    }
}
