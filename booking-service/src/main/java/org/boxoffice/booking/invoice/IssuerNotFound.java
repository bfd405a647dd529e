package org.boxoffice.booking.invoice;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** The organization has no seller details yet, or the caller does not manage it (a 404 either way). */
public final class IssuerNotFound extends ProblemException {

    public IssuerNotFound(UUID organizationId) {
        super(BookingProblems.ISSUER_NOT_FOUND, "Organization " + organizationId + " has no invoicing details here.");
        with("organizationId", organizationId);
    }
}
