package org.boxoffice.booking.question;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

/** The events' questions. */
interface Questions extends JpaRepository<Question, UUID> {

    List<Question> findByEventIdOrderByPositionAscCreatedAtAsc(UUID eventId);

    List<Question> findByEventIdAndEnabledTrueOrderByPositionAscCreatedAtAsc(UUID eventId);

    @Query("select coalesce(max(q.position), -1) + 1 from Question q where q.eventId = :eventId")
    int nextPosition(UUID eventId);

    /** The question, its row locked until the transaction ends: organizer edits apply one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select q from Question q where q.id = :id")
    Optional<Question> findForUpdate(UUID id);
}
