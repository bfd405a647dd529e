package org.boxoffice.booking.promo;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

/** The events' codes. */
interface PromoCodes extends JpaRepository<PromoCode, UUID> {

    Optional<PromoCode> findByEventIdAndCode(UUID eventId, String code);

    boolean existsByEventIdAndCode(UUID eventId, String code);

    Page<PromoCode> findByEventId(UUID eventId, Pageable page);

    /** The code, its row locked until the transaction ends: organizer edits apply one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from PromoCode c where c.id = :id")
    Optional<PromoCode> findForUpdate(UUID id);
}
