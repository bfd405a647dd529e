package org.boxoffice.payment.refund;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Stored refunds. {@link #findForUpdate} must run inside the transaction that records the provider's answer. */
interface Refunds extends Repository<Refund, UUID> {

    Refund save(Refund refund);

    Optional<Refund> findById(UUID id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Refund r where r.id = :id")
    Optional<Refund> findForUpdate(UUID id);

    /** The oldest refunds in a status, at most 100. */
    List<Refund> findFirst100ByStatusOrderByCreatedAt(RefundStatus status);

    @Query("select coalesce(sum(r.amountMinor), 0) from Refund r where r.paymentId = :paymentId and r.status = :status")
    long totalByPaymentIdAndStatus(UUID paymentId, RefundStatus status);

    /** Per payment, what its refunds came to; completed with a {@code where} naming the payments. */
    String TALLY = """
            select new org.boxoffice.payment.refund.RefundTally(r.paymentId,
                   sum(case when r.status = :succeeded then r.amountMinor else 0 end),
                   sum(case when r.status = :pending then 1 else 0 end))
              from Refund r
            """;

    /** The tallies of the payments created since {@code since} that have refunds, in one statement. */
    @Query(TALLY + "where r.paymentId in (select p.id from Payment p where p.createdAt >= :since) group by r.paymentId")
    List<RefundTally> talliesOfPaymentsCreatedSince(Instant since, RefundStatus succeeded, RefundStatus pending);

    /** The tallies of the payments named that have refunds. */
    @Query(TALLY + "where r.paymentId in :paymentIds group by r.paymentId")
    List<RefundTally> talliesOf(Collection<UUID> paymentIds, RefundStatus succeeded, RefundStatus pending);
}
