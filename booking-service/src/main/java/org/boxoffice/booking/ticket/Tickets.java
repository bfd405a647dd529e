package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

/** Tickets, and the statements that void and admit them. */
interface Tickets extends JpaRepository<Ticket, UUID> {

    /**
     * The ticket, its row locked until the transaction ends: two scans, or a scan and a cancellation of its order,
     * take turns, and the second reads what the first wrote. Must be the transaction's first read of the ticket.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Ticket t where t.id = :id")
    Optional<Ticket> findForUpdate(UUID id);

    /** The same, by the code printed on the ticket. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Ticket t where t.code = :code")
    Optional<Ticket> findByCodeForUpdate(String code);

    List<Ticket> findByOrderIdOrderByPositionAscIssuedAtAsc(UUID orderId);

    /**
     * The order's tickets (transferred ones with their replacements), each locked until the caller's transaction ends: a check-in racing with the caller's
     * cancellation waits for it (and then finds the ticket void), and a check-in that committed first is seen here.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from Ticket t where t.orderId = :orderId order by t.position")
    List<Ticket> lockOfOrder(UUID orderId);

    @Query("select o.purchase.buyerId from PurchaseOrder o where o.id = :orderId")
    Optional<UUID> orderOwner(UUID orderId);

    /**
     * Voids the order's valid tickets in one statement and says how many there were: none means the order's seats
     * were no longer sold for it, which the refund path must know. Writes nothing but the status, so it can never
     * undo a check-in.
     */
    @Modifying(flushAutomatically = true)
    @Query("update Ticket t set t.status = org.boxoffice.booking.ticket.TicketStatus.VOID, t.voidedAt = :now"
            + " where t.orderId = :orderId and t.status = org.boxoffice.booking.ticket.TicketStatus.VALID")
    int voidOrder(UUID orderId, Instant now);
}
