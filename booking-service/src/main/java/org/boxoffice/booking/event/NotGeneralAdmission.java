package org.boxoffice.booking.event;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** Capacity is added to a general-admission area; a seated section's capacity is its seats. */
public final class NotGeneralAdmission extends ProblemException {

    public NotGeneralAdmission(UUID sectionId) {
        super(BookingProblems.NOT_GENERAL_ADMISSION, "Section " + sectionId
                + " is seated: only a general-admission area's capacity can be added to.");
        with("sectionId", sectionId);
    }
}
