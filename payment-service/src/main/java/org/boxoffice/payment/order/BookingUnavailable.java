package org.boxoffice.payment.order;

import org.boxoffice.platform.problem.ProblemException;
import org.boxoffice.platform.problem.ProblemType;

/** booking-service could not be asked for the order (down, slow, or its circuit breaker open): retry later. */
public class BookingUnavailable extends ProblemException {

    static final String SERVICE = "booking-service";

    BookingUnavailable(String why, Throwable cause) {
        super(ProblemType.SERVICE_UNAVAILABLE, "booking-service is unavailable (" + why + "); retry shortly.", cause);
        with("service", SERVICE);
    }
}
