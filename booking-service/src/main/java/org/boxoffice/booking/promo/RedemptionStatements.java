package org.boxoffice.booking.promo;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A code's uses, counted like the hold path's fence: each use is a conditional statement that must change exactly one
 * row, so N uses are taken at most N times however many buyers race; a use is given back by a statement guarded on
 * {@code returned_at IS NULL}, so of several callers ending the same hold or order (a duplicate cancellation, a
 * sweeper on another replica) exactly one gives it back. The buyer's row is taken before the code's, everywhere, and
 * both after the inventory's rows: one lock order, so no two of these transactions can deadlock.
 */
@Component
@SqlByDesign("A code's use counters are fenced like the hold path: conditional statements that must change exactly "
        + "the expected rows, and a give-back guarded so that it happens once")
class RedemptionStatements {

    /** Why a use could not be taken. */
    enum Refusal { NONE, PER_BUYER_LIMIT, EXHAUSTED }

    private final JdbcClient jdbc;

    RedemptionStatements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes one use of {@code codeId} for the tickets of {@code holdId}; joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Refusal redeem(UUID codeId, UUID holdId, UUID buyerId, Instant now) {
        Refusal refusal = take(codeId, buyerId);
        if (refusal == Refusal.NONE) {
            jdbc.sql("INSERT INTO promo_redemption (hold_id, code_id, buyer_id, redeemed_at) VALUES (?, ?, ?, ?)")
                    .params(holdId, codeId, buyerId, Timestamp.from(now)).update();
        }
        return refusal;
    }

    /**
     * Gives back the uses the tickets of {@code holdId} took, if they were not given back already; joins the caller's
     * transaction. Returns how many uses came back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int giveBack(UUID holdId, Instant now) {
        List<Redeemed> returned = jdbc.sql("""
                UPDATE promo_redemption SET returned_at = ? WHERE hold_id = ? AND returned_at IS NULL
                RETURNING code_id, buyer_id""").params(Timestamp.from(now), holdId)
                .query((rs, row) -> new Redeemed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        for (Redeemed use : returned) {
            jdbc.sql("UPDATE promo_code_buyer SET uses = uses - 1 WHERE code_id = ? AND buyer_id = ?")
                    .params(use.codeId(), use.buyerId()).update();
            jdbc.sql("UPDATE promo_code SET uses = uses - 1 WHERE id = ?").param(use.codeId()).update();
        }
        return returned.size();
    }

    /**
     * Takes again the uses given back by the tickets of {@code holdId} (a payment that arrived after its order
     * expired); NONE if every one was taken, else the first refusal, and the caller must roll back what was taken.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Refusal retake(UUID holdId) {
        List<Redeemed> returned = jdbc.sql("""
                UPDATE promo_redemption SET returned_at = NULL WHERE hold_id = ? AND returned_at IS NOT NULL
                RETURNING code_id, buyer_id""").param(holdId)
                .query((rs, row) -> new Redeemed(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        for (Redeemed use : returned) {
            Refusal refusal = take(use.codeId(), use.buyerId());
            if (refusal != Refusal.NONE) {
                return refusal;
            }
        }
        return Refusal.NONE;
    }

    /** The buyer's use, then the code's: each a conditional statement that changes one row or none. */
    private Refusal take(UUID codeId, UUID buyerId) {
        int buyer = jdbc.sql("""
                INSERT INTO promo_code_buyer (code_id, buyer_id, uses) VALUES (?, ?, 1)
                ON CONFLICT (code_id, buyer_id) DO UPDATE SET uses = promo_code_buyer.uses + 1
                 WHERE promo_code_buyer.uses + 1 <= COALESCE(
                       (SELECT max_uses_per_buyer FROM promo_code WHERE id = excluded.code_id), 2147483647)""")
                .params(codeId, buyerId).update();
        if (buyer != 1) {
            return Refusal.PER_BUYER_LIMIT;
        }
        int code = jdbc.sql("""
                UPDATE promo_code SET uses = uses + 1
                 WHERE id = ? AND (max_uses IS NULL OR uses < max_uses)""").param(codeId).update();
        return code == 1 ? Refusal.NONE : Refusal.EXHAUSTED;
    }

    private record Redeemed(UUID codeId, UUID buyerId) {
    }
}
