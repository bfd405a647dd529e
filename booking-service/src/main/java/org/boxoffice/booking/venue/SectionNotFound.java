package org.boxoffice.booking.venue;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** No section with this id exists in the venue or event. */
public final class SectionNotFound extends ProblemException {

    public SectionNotFound(UUID sectionId) {
        super(BookingProblems.SECTION_NOT_FOUND, "Section " + sectionId + " does not exist here.");
        with("sectionId", sectionId);
    }
}
