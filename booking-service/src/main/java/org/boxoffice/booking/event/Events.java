package org.boxoffice.booking.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

/** Events with their price tiers. */
public interface Events extends JpaRepository<Event, UUID>, JpaSpecificationExecutor<Event> {

    /** The event, its row locked until the transaction ends: organizer actions on one event apply in turn. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from Event e where e.id = :id")
    Optional<Event> findForUpdate(UUID id);

    /**
     * The sections an event sells (those with a price tier), with their tier, in the venue's order; an area's capacity
     * includes what the organizer added after publishing. One query.
     */
    @Query("""
            select new org.boxoffice.booking.event.EventSection(s.id, s.code, s.name, s.kind,
                   s.capacity + t.addedCapacity, t.name,
                   t.amountMinor, t.currency, t.hidden)
              from PriceTier t join Section s on s.id = t.sectionId
             where t.event.id = :eventId order by s.position""")
    List<EventSection> sections(UUID eventId);

    boolean existsByVenueIdAndStatusAndScheduleOffSaleAtAfter(UUID venueId, EventStatus status, Instant offSaleAfter);
}
