package org.boxoffice.booking.venue;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizers' venues and seat maps. Seat maps may grow at any time: an event copies the seats it sells when it is
 * published, so a published event's seat map is frozen whatever later happens to its venue.
 */
@Service
public class VenueService {

    /** Largest number of seats one bulk request may create. */
    public static final int MAX_SEATS_PER_REQUEST = 20_000;

    private final Venues venues;
    private final Clock clock;

    VenueService(Venues venues, Clock clock) {
        this.venues = venues;
        this.clock = clock;
    }

    @Transactional
    public Venue create(OrganizerAccess access, UUID organizationId, String name, String city, String address,
            ZoneId timezone) {
        if (!access.canManage(organizationId)) {
            throw new OrganizationNotManaged(organizationId);
        }
        Venue venue = new Venue(UUID.randomUUID(), organizationId, name.strip(), city.strip(), address.strip(), timezone,
                clock.instant());
        venues.insert(venue);
        return venue;
    }

    /** The venue, if it exists and the caller manages its organization. */
    @Transactional(readOnly = true)
    public Venue get(OrganizerAccess access, UUID venueId) {
        return venues.find(venueId).filter(venue -> access.canManage(venue.organizationId()))
                .orElseThrow(() -> new VenueNotFound(venueId));
    }

    @Transactional(readOnly = true)
    public PageResponse<Venue> list(List<UUID> organizations, boolean admin, PageQuery page) {
        return PageResponse.of(venues.page(organizations, admin, page), page, venues.count(organizations, admin));
    }

    @Transactional(readOnly = true)
    public SeatMap seatMap(OrganizerAccess access, UUID venueId) {
        Venue venue = get(access, venueId);
        List<SeatMap.SectionSeats> sections = venues.sections(venueId).stream()
                .map(section -> new SeatMap.SectionSeats(section,
                        section.seated() ? venues.seatsOf(section.id()) : List.of()))
                .toList();
        return new SeatMap(venue, sections);
    }

    /** Adds a seated section with every seat of the row and seat ranges (e.g. rows 1–40, seats 1–30). */
    @Transactional
    public SeatMap.SectionSeats addSeatedSection(OrganizerAccess access, UUID venueId, String code, String name,
            RowRange rows, int firstSeat, int lastSeat, Set<String> accessibleSeats, Set<String> restrictedViewSeats) {
        if (firstSeat < 1 || lastSeat < firstSeat) {
            throw new InvalidSeatMap("seats", "Seat range " + firstSeat + "-" + lastSeat
                    + " must start at 1 or more and not run backwards.");
        }
        List<String> labels = rows.labels();
        long count = (long) labels.size() * (lastSeat - firstSeat + 1);
        if (count > MAX_SEATS_PER_REQUEST) {
            throw new InvalidSeatMap("rows", "A section request may create at most " + MAX_SEATS_PER_REQUEST
                    + " seats; this one would create " + count + ".");
        }
        Section section = newSection(access, venueId, code, name, SectionKind.SEATED, (int) count);
        List<Seat> seats = new ArrayList<>();
        for (int r = 0; r < labels.size(); r++) {
            for (int number = firstSeat; number <= lastSeat; number++) {
                String label = labels.get(r) + "-" + number;
                seats.add(new Seat(UUID.randomUUID(), section.id(), labels.get(r), r + 1, number,
                        accessibleSeats.contains(label), restrictedViewSeats.contains(label)));
            }
        }
        Set<String> all = new HashSet<>();
        seats.forEach(seat -> all.add(seat.row() + "-" + seat.number()));
        requireAllKnown("accessibleSeats", accessibleSeats, all);
        requireAllKnown("restrictedViewSeats", restrictedViewSeats, all);
        venues.insertSeats(seats);
        return new SeatMap.SectionSeats(section, seats);
    }

    /** Adds a general-admission area with a capacity. */
    @Transactional
    public Section addGeneralAdmissionArea(OrganizerAccess access, UUID venueId, String code, String name,
            int capacity) {
        if (capacity < 1) {
            throw new InvalidSeatMap("capacity", "A general-admission area needs a capacity of at least 1.");
        }
        return newSection(access, venueId, code, name, SectionKind.GENERAL_ADMISSION, capacity);
    }

    /** Adds seats one by one to a seated section. */
    @Transactional
    public List<Seat> addSeats(OrganizerAccess access, UUID venueId, UUID sectionId, List<SeatSpec> specs) {
        get(access, venueId);
        venues.lock(venueId);
        Section section = venues.section(venueId, sectionId).orElseThrow(() -> new SectionNotFound(sectionId));
        if (!section.seated()) {
            throw new SeatMapConflict("Section " + section.code() + " is a general-admission area; it has no seats.");
        }
        Set<String> requested = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            if (!requested.add(specs.get(i).row() + "-" + specs.get(i).number())) {
                throw new InvalidSeatMap("seats[" + i + "]", "Seat " + specs.get(i).row() + "-"
                        + specs.get(i).number() + " appears twice in the request.");
            }
        }
        List<String> existing = venues.existingSeats(sectionId, specs);
        if (!existing.isEmpty()) {
            throw new SeatMapConflict("Seats already exist in section " + section.code() + ": " + existing + ".");
        }
        Map<String, Integer> rowPositions = venues.rowPositions(sectionId);
        List<Seat> seats = new ArrayList<>();
        for (SeatSpec spec : specs) {
            int position = rowPositions.computeIfAbsent(spec.row(), row -> rowPositions.size() + 1);
            seats.add(new Seat(UUID.randomUUID(), sectionId, spec.row(), position, spec.number(), spec.accessible(),
                    spec.restrictedView()));
        }
        venues.insertSeats(seats);
        venues.addToCapacity(sectionId, seats.size());
        return seats;
    }

    @Transactional
    public Seat setSeatFlags(OrganizerAccess access, UUID venueId, UUID sectionId, UUID seatId, boolean accessible,
            boolean restrictedView) {
        get(access, venueId);
        venues.section(venueId, sectionId).orElseThrow(() -> new SectionNotFound(sectionId));
        return venues.updateSeatFlags(sectionId, seatId, accessible, restrictedView)
                .orElseThrow(() -> new SectionNotFound(sectionId));
    }

    private Section newSection(OrganizerAccess access, UUID venueId, String code, String name, SectionKind kind,
            int capacity) {
        get(access, venueId);
        venues.lock(venueId);
        if (venues.sectionCodeTaken(venueId, code)) {
            throw new SeatMapConflict("The venue already has a section with code " + code + ".");
        }
        Section section = new Section(UUID.randomUUID(), venueId, code.strip(), name.strip(), kind, capacity,
                venues.nextSectionPosition(venueId));
        venues.insert(section);
        return section;
    }

    private static void requireAllKnown(String field, Set<String> labels, Set<String> all) {
        for (String label : labels) {
            if (!all.contains(label)) {
                throw new InvalidSeatMap(field, "Seat " + label + " is not in the section's rows and seats.");
            }
        }
    }
}
