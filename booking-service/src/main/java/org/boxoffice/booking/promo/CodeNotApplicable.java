package org.boxoffice.booking.promo;

import org.boxoffice.booking.system.BookingProblems;
import org.boxoffice.platform.problem.ProblemException;

/**
 * A code used where it does not apply: none of the tickets is of its sections or tiers, or it is of the other kind
 * (an access code at checkout, a discount code for the pre-sale).
 */
public final class CodeNotApplicable extends ProblemException {

    public enum Reason { NOT_FOR_THESE_TICKETS, NOT_A_DISCOUNT, NOT_AN_ACCESS_CODE }

    CodeNotApplicable(String code, Reason reason, String detail) {
        super(BookingProblems.CODE_NOT_APPLICABLE, detail);
        with("code", code);
        with("reason", reason.name());
    }

    /** Code {@code code}, of kind {@code kind}, used as the other kind. */
    static CodeNotApplicable ofKind(String code, CodeKind kind) {
        return kind == CodeKind.ACCESS
                ? new CodeNotApplicable(code, Reason.NOT_A_DISCOUNT,
                        "Code " + code + " opens the pre-sale; it gives no discount.")
                : new CodeNotApplicable(code, Reason.NOT_AN_ACCESS_CODE,
                        "Code " + code + " is a discount code; it does not open the pre-sale.");
    }
}
