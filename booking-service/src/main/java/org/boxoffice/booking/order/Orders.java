package org.boxoffice.booking.order;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

/** Orders with their lines. */
interface Orders extends JpaRepository<Order, UUID> {

    /** The order, its row locked until the transaction ends: transitions of one order apply one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from PurchaseOrder o where o.id = :id")
    Optional<Order> findForUpdate(UUID id);

    /** The event's orders in these states, locked in id order (two cancellations never wait for each other). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select o from PurchaseOrder o where o.purchase.eventId = :eventId and o.status in :statuses order by o.id")
    List<Order> findByEventForUpdate(UUID eventId, Collection<OrderStatus> statuses);

    Page<Order> findByPurchaseEventId(UUID eventId, Pageable page);

    Page<Order> findByPurchaseEventIdAndStatus(UUID eventId, OrderStatus status, Pageable page);

    Page<Order> findByPurchaseBuyerId(UUID buyerId, Pageable page);
}
