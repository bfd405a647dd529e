package org.boxoffice.booking.promo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.booking.event.Event;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What holds and orders ask of codes: is this access code good for the pre-sale, what does this discount code take
 * off these lines, take a use, give the uses of a hold's tickets back, take them again. Reading a code is one indexed
 * query, and only when the buyer sent one: a hold or checkout without a code never comes here.
 */
@Component
public class CodeRedemption {

    private final PromoCodes codes;
    private final RedemptionStatements statements;

    CodeRedemption(PromoCodes codes, RedemptionStatements statements) {
        this.codes = codes;
        this.statements = statements;
    }

    /** A code found good for what it was sent for, to redeem in the transaction that takes the tickets. */
    public record Accepted(UUID codeId, String code, PromoCode definition) {

        /** Refuses tickets outside the code's sections and tiers (an access code opens only those). */
        public void requireCovers(List<PromoCode.Ticketed> tickets) {
            definition.requireCovers(tickets);
        }

        /** The discount on each of {@code lines}, in order; refuses a code that covers none of them. */
        public List<Long> discounts(List<PromoCode.Priced> lines) {
            return definition.discounts(lines);
        }
    }

    /** The id of the event's code {@code code} (any kind, enabled or not), if it has one. */
    public java.util.Optional<UUID> idOf(UUID eventId, String code) {
        return codes.findByEventIdAndCode(eventId, PromoCode.normalize(code)).map(PromoCode::id);
    }

    /** The event's access code {@code code}, if it may open the pre-sale now; else the problem saying why not. */
    public Accepted access(Event event, String code, Instant now) {
        return accepted(event, code, CodeKind.ACCESS, now);
    }

    /** The event's discount code {@code code}, if it may be used now; else the problem saying why not. */
    public Accepted discount(Event event, String code, Instant now) {
        return accepted(event, code, CodeKind.DISCOUNT, now);
    }

    private Accepted accepted(Event event, String code, CodeKind kind, Instant now) {
        String normalized = PromoCode.normalize(code);
        PromoCode found = codes.findByEventIdAndCode(event.id(), normalized)
                .orElseThrow(() -> new UnknownCode(event.id(), normalized));
        found.requireUsable(kind, now);
        return new Accepted(found.id(), found.code(), found);
    }

    /**
     * Takes one use of {@code accepted} for the tickets of {@code holdId}, in the caller's transaction;
     * {@link CodeLimitReached} or {@link CodeExhausted} (the caller's transaction then rolls back) when none is left.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void redeem(Accepted accepted, UUID holdId, UUID buyerId, Instant now) {
        switch (statements.redeem(accepted.codeId(), holdId, buyerId, now)) {
            case NONE -> {
            }
            case PER_BUYER_LIMIT -> throw new CodeLimitReached(accepted.code(),
                    accepted.definition().maxUsesPerBuyer() == null ? 0 : accepted.definition().maxUsesPerBuyer());
            case EXHAUSTED -> throw new CodeExhausted(accepted.code(),
                    accepted.definition().maxUses() == null ? 0 : accepted.definition().maxUses());
        }
    }

    /**
     * Gives back the uses taken by the tickets of {@code holdId} (by the hold, or by the order checked out from it) if
     * they were not given back already, in the caller's transaction. Returns how many came back: 0 for a second call.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int giveBack(UUID holdId, Instant now) {
        return statements.giveBack(holdId, now);
    }

    /**
     * Takes again the uses given back by the tickets of {@code holdId}, for a payment that arrived after its order
     * expired, in the caller's transaction; {@link RetakeRefused} when one of them is used up meanwhile (the caller
     * rolls back to its savepoint). Not a transactional method itself: a refusal thrown through one would mark the
     * caller's whole transaction rollback-only, where only the savepoint is to be rolled back.
     */
    public void retake(UUID holdId) {
        if (statements.retake(holdId) != RedemptionStatements.Refusal.NONE) {
            throw new RetakeRefused();
        }
    }

    /** A code the late payment's tickets had used is used up now. Never an answer to a request. */
    public static final class RetakeRefused extends RuntimeException {

        RetakeRefused() {
            super("a code used by the order is used up", null, false, false);
        }
    }
}
