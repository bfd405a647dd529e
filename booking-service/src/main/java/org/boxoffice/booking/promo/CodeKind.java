package org.boxoffice.booking.promo;

/** What a code does: a discount at checkout, or access to the pre-sale before the event's {@code onSaleAt}. */
public enum CodeKind {
    DISCOUNT, ACCESS
}
