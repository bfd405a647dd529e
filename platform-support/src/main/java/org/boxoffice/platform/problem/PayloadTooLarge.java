package org.boxoffice.platform.problem;

/** A request body over the service's configured limit ({@code boxoffice.http.max-request-body}). */
public final class PayloadTooLarge extends ProblemException {

    public PayloadTooLarge(long limitBytes) {
        super(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than the limit of " + limitBytes + " bytes.");
        with("limitBytes", limitBytes);
    }
}
