package org.boxoffice.booking.inventory;

import java.util.List;
import java.util.UUID;

/**
 * A released claim could not be sold again: the buyer's allowance would pass its limit, or a seat or area ticket is
 * gone. Thrown to roll back what the retake had taken so far; never an answer to a request.
 */
public final class RetakeRefused extends RuntimeException {

    /** What refused it. */
    public enum Cause { PER_BUYER_LIMIT, TAKEN }

    private final Cause refusal;

    RetakeRefused(Cause refusal, List<UUID> seatIds) {
        super(refusal == Cause.TAKEN ? "taken meanwhile: " + (seatIds.isEmpty() ? "area tickets" : seatIds)
                : "over the per-buyer limit", null, false, false);
        this.refusal = refusal;
    }

    /** Which fence refused it. */
    public Cause refusal() {
        return refusal;
    }
}
