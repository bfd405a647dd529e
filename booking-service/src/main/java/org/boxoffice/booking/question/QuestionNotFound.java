package org.boxoffice.booking.question;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** No such question on this event (for this organizer). */
public final class QuestionNotFound extends ProblemException {

    QuestionNotFound(UUID questionId) {
        super(BookingProblems.QUESTION_NOT_FOUND, "Question " + questionId + " does not exist on this event.");
        with("questionId", questionId);
    }
}
