package org.boxoffice.booking.venue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A part of a venue's seat map. {@code capacity} is the seat count of a seated section (kept in step by
 * {@link #addSeats}), or the area's capacity.
 */
@Entity
@Table(name = "section")
public class Section {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "venue_id")
    private Venue venue;
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private SectionKind kind;
    private int capacity;
    private int position;
    @OneToMany(mappedBy = "section", cascade = CascadeType.PERSIST)
    @OrderBy("rowPosition, number")
    private List<Seat> seats = new ArrayList<>();

    protected Section() {
    }

    Section(Venue venue, String code, String name, SectionKind kind, int capacity, int position) {
        this.venue = venue;
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.capacity = capacity;
        this.position = position;
    }

    /**
     * Adds seats to a seated section: an area has none, a seat appears once in a request, and a row's seat number is
     * taken once. A new row goes behind the existing ones. Reads the section's seats, and counts the new ones into
     * its capacity.
     */
    public List<Seat> addSeats(List<SeatSpec> specs) {
        if (!seated()) {
            throw new SeatMapConflict("Section " + code + " is a general-admission area; it has no seats.");
        }
        Set<String> requested = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            SeatSpec spec = specs.get(i);
            if (!requested.add(spec.row() + "-" + spec.number())) {
                throw new InvalidSeatMap("seats[" + i + "]", "Seat " + spec.row() + "-" + spec.number()
                        + " appears twice in the request.");
            }
        }
        Map<String, Integer> rowPositions = new HashMap<>();
        List<String> existing = new ArrayList<>();
        for (Seat seat : seats) {
            rowPositions.putIfAbsent(seat.row(), seat.rowPosition());
            if (requested.contains(seat.label())) {
                existing.add(seat.label());
            }
        }
        if (!existing.isEmpty()) {
            throw new SeatMapConflict("Seats already exist in section " + code + ": " + existing + ".");
        }
        List<Seat> added = new ArrayList<>(specs.size());
        for (SeatSpec spec : specs) {
            int rowPosition = rowPositions.computeIfAbsent(spec.row(), row -> rowPositions.size() + 1);
            added.add(new Seat(this, spec.row(), rowPosition, spec.number(), spec.accessible(), spec.restrictedView()));
        }
        seats.addAll(added);
        capacity += added.size();
        return added;
    }

    public boolean seated() {
        return kind == SectionKind.SEATED;
    }

    /** The seats, front row first. Reads them from the database the first time. */
    public List<Seat> seats() {
        return List.copyOf(seats);
    }

    public UUID id() {
        return id;
    }

    public UUID venueId() {
        return venue.id();
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public SectionKind kind() {
        return kind;
    }

    public int capacity() {
        return capacity;
    }

    public int position() {
        return position;
    }
}
