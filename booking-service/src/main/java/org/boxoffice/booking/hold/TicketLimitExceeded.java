package org.boxoffice.booking.hold;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/** A hold over the event's tickets-per-order limit, or one that would take the buyer over the per-buyer limit. */
public final class TicketLimitExceeded extends ProblemException {

    public enum Rule { PER_ORDER, PER_BUYER }

    public TicketLimitExceeded(Rule rule, int limit, int requested) {
        super(BookingProblems.TICKET_LIMIT_EXCEEDED, rule == Rule.PER_ORDER
                ? "At most " + limit + " tickets per order; " + requested + " were asked for."
                : "At most " + limit + " tickets per buyer for this event, counting active holds and orders.");
        with("rule", rule.name());
        with("limit", limit);
        with("requested", requested);
    }
}
