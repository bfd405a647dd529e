package org.boxoffice.booking.invoice;

import java.util.UUID;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** No such invoice or credit note of this order for the caller. */
public final class InvoiceNotFound extends ProblemException {

    public InvoiceNotFound(UUID documentId) {
        super(BookingProblems.INVOICE_NOT_FOUND, "Invoice " + documentId + " does not exist.");
        with("invoiceId", documentId);
    }
}
