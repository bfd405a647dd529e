package org.boxoffice.booking.venue;

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

/** Venues with their seat maps. */
public interface Venues extends JpaRepository<Venue, UUID>, SeatLookup {

    /** The venue, its row locked until the transaction ends: two seat-map changes to one venue apply in turn. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select v from Venue v where v.id = :id")
    Optional<Venue> findForUpdate(UUID id);

    /** A seat of the venue's section, for a change to that seat alone. */
    @Query("select s from Seat s where s.id = :seatId and s.section.id = :sectionId and s.section.venue.id = :venueId")
    Optional<Seat> findSeat(UUID venueId, UUID sectionId, UUID seatId);

    Page<Venue> findByOrganizationIdIn(Collection<UUID> organizations, Pageable page);

    Optional<Venue> findByOrganizationIdAndName(UUID organizationId, String name);
}
