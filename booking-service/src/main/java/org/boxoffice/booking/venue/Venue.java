package org.boxoffice.booking.venue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/**
 * A place where events happen, owned by one organization: the root of its seat map. Sections are added through
 * {@link #addSection}, which keeps their codes unique (whatever the case) and numbers them in the order they were
 * added; a seated section's seats belong to it ({@link Section#addSeat}).
 */
@Entity
@Table(name = "venue")
public class Venue {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    private String name;
    private String city;
    private String address;
    private String timezone;
    @Column(name = "created_at")
    private Instant createdAt;
    @OneToMany(mappedBy = "venue", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<Section> sections = new ArrayList<>();

    protected Venue() {
    }

    public Venue(UUID organizationId, String name, String city, String address, ZoneId timezone, Instant createdAt) {
        this.organizationId = organizationId;
        this.name = name.strip();
        this.city = city.strip();
        this.address = address.strip();
        this.timezone = timezone.getId();
        this.createdAt = createdAt;
    }

    /**
     * Adds a section after the existing ones; refuses a code the venue already uses. A seated section starts empty
     * ({@code capacity} counts its seats as they are added); an area has its capacity from the start.
     */
    public Section addSection(String code, String name, SectionKind kind, int capacity) {
        String wanted = code.strip();
        for (Section section : sections) {
            if (section.code().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                throw new SeatMapConflict("The venue already has a section with code " + wanted + ".");
            }
        }
        int position = sections.stream().mapToInt(Section::position).max().orElse(0) + 1;
        Section section = new Section(this, wanted, name.strip(), kind, capacity, position);
        sections.add(section);
        return section;
    }

    /** The venue's sections in the order they were added. */
    public List<Section> sections() {
        return List.copyOf(sections);
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String name() {
        return name;
    }

    public String city() {
        return city;
    }

    public String address() {
        return address;
    }

    public ZoneId timezone() {
        return ZoneId.of(timezone);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
