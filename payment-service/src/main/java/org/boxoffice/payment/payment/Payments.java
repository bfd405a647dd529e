package org.boxoffice.payment.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Stored payments. Methods that lock ({@code ...ForUpdate}) must run inside the transaction that changes the payment:
 * they take its row lock, so concurrent transitions of one payment queue and each sees the state the previous one
 * committed.
 */
public interface Payments extends Repository<Payment, UUID> {

    Payment save(Payment payment);

    /** Stores a new payment now rather than at commit, so a second live payment of its order fails here. */
    Payment saveAndFlush(Payment payment);

    Optional<Payment> findById(UUID id);

    List<Payment> findAllById(Iterable<UUID> ids);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> findForUpdate(UUID id);

    /** The order's payment that captured money, if any, locked. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.orderId = :orderId and p.capturedMinor > 0")
    Optional<Payment> findCapturedByOrderForUpdate(UUID orderId);

    List<Payment> findByOrderIdAndBuyerIdOrderByCreatedAt(UUID orderId, UUID buyerId);

    Optional<Payment> findByOrderIdAndStatusNot(UUID orderId, PaymentStatus status);

    List<Payment> findByCreatedAtGreaterThanEqualOrderByCreatedAt(Instant since);

    /** The live (not failed) payment of an order, if any: there is at most one. */
    default Optional<Payment> findLiveByOrder(UUID orderId) {
        return findByOrderIdAndStatusNot(orderId, PaymentStatus.FAILED);
    }

    /** Payments created at or after {@code since}, oldest first. */
    default List<Payment> createdSince(Instant since) {
        return findByCreatedAtGreaterThanEqualOrderByCreatedAt(since);
    }
}
