package org.boxoffice.booking.waitlist;

/**
 * An offer: OPEN until it ends, once: CLAIMED (into a hold), EXPIRED (not claimed in time), DECLINED (the buyer left
 * the line) or WITHDRAWN (the event was cancelled).
 */
public enum OfferStatus {
    OPEN, CLAIMED, EXPIRED, DECLINED, WITHDRAWN
}
