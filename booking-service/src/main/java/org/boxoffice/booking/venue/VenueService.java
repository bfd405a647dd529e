package org.boxoffice.booking.venue;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.booking.system.PageQuery;
import org.boxoffice.booking.system.PageResponse;
import org.springframework.data.domain.Sort;
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

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id"));

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
        return venues.save(new Venue(organizationId, name, city, address, timezone, clock.instant()));
    }

    /** The venue, if it exists and the caller manages its organization. */
    @Transactional(readOnly = true)
    public Venue get(OrganizerAccess access, UUID venueId) {
        return venues.findById(venueId).filter(venue -> access.canManage(venue.organizationId()))
                .orElseThrow(() -> new VenueNotFound(venueId));
    }

    @Transactional(readOnly = true)
    public PageResponse<Venue> list(List<UUID> organizations, boolean admin, PageQuery page) {
        return PageResponse.of(admin ? venues.findAll(page.sorted(NEWEST_FIRST))
                : venues.findByOrganizationIdIn(organizations, page.sorted(NEWEST_FIRST)), page);
    }

    @Transactional(readOnly = true)
    public SeatMap seatMap(OrganizerAccess access, UUID venueId) {
        Venue venue = get(access, venueId);
        List<SeatMap.SectionSeats> sections = venue.sections().stream()
                .map(section -> new SeatMap.SectionSeats(section, section.seated() ? section.seats() : List.of()))
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
        List<SeatSpec> specs = new ArrayList<>((int) count);
        Set<String> all = new HashSet<>();
        for (String row : labels) {
            for (int number = firstSeat; number <= lastSeat; number++) {
                String label = row + "-" + number;
                all.add(label);
                specs.add(new SeatSpec(row, number, accessibleSeats.contains(label),
                        restrictedViewSeats.contains(label)));
            }
        }
        Section section = locked(access, venueId).addSection(code, name, SectionKind.SEATED, 0);
        requireAllKnown("accessibleSeats", accessibleSeats, all);
        requireAllKnown("restrictedViewSeats", restrictedViewSeats, all);
        List<Seat> seats = section.addSeats(specs);
        venues.flush();
        return new SeatMap.SectionSeats(section, seats);
    }

    /** Adds a general-admission area with a capacity. */
    @Transactional
    public Section addGeneralAdmissionArea(OrganizerAccess access, UUID venueId, String code, String name,
            int capacity) {
        if (capacity < 1) {
            throw new InvalidSeatMap("capacity", "A general-admission area needs a capacity of at least 1.");
        }
        Section section = locked(access, venueId).addSection(code, name, SectionKind.GENERAL_ADMISSION, capacity);
        venues.flush();
        return section;
    }

    /** Adds seats one by one to a seated section. */
    @Transactional
    public List<Seat> addSeats(OrganizerAccess access, UUID venueId, UUID sectionId, List<SeatSpec> specs) {
        Section section = locked(access, venueId).sections().stream()
                .filter(candidate -> candidate.id().equals(sectionId)).findFirst()
                .orElseThrow(() -> new SectionNotFound(sectionId));
        List<Seat> seats = section.addSeats(specs);
        venues.flush();
        return seats;
    }

    @Transactional
    public Seat setSeatFlags(OrganizerAccess access, UUID venueId, UUID sectionId, UUID seatId, boolean accessible,
            boolean restrictedView) {
        get(access, venueId);
        Seat seat = venues.findSeat(venueId, sectionId, seatId).orElseThrow(() -> new SectionNotFound(sectionId));
        seat.flag(accessible, restrictedView);
        return seat;
    }

    /** The caller's venue, locked for a seat-map change. */
    private Venue locked(OrganizerAccess access, UUID venueId) {
        return venues.findForUpdate(venueId).filter(venue -> access.canManage(venue.organizationId()))
                .orElseThrow(() -> new VenueNotFound(venueId));
    }

    private static void requireAllKnown(String field, Set<String> labels, Set<String> all) {
        for (String label : labels) {
            if (!all.contains(label)) {
                throw new InvalidSeatMap(field, "Seat " + label + " is not in the section's rows and seats.");
            }
        }
    }
}
