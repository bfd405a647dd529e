package org.boxoffice.booking.venue;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A numbered seat in a row of a seated section. {@code rowPosition} orders rows from the stage outwards. */
@Entity
@Table(name = "seat")
public class Seat {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "section_id")
    private Section section;
    @Column(name = "row_label")
    private String row;
    @Column(name = "row_position")
    private int rowPosition;
    private int number;
    private boolean accessible;
    @Column(name = "restricted_view")
    private boolean restrictedView;

    protected Seat() {
    }

    Seat(Section section, String row, int rowPosition, int number, boolean accessible, boolean restrictedView) {
        if (number < 1) {
            throw new InvalidSeatMap("number", "Seat numbers start at 1, got " + number + ".");
        }
        this.section = section;
        this.row = row;
        this.rowPosition = rowPosition;
        this.number = number;
        this.accessible = accessible;
        this.restrictedView = restrictedView;
    }

    /** Marks the seat as wheelchair accessible or with a restricted view, or neither. */
    void flag(boolean accessible, boolean restrictedView) {
        this.accessible = accessible;
        this.restrictedView = restrictedView;
    }

    /** "{row}-{number}", the way organizers name seats in requests. */
    String label() {
        return row + "-" + number;
    }

    public UUID id() {
        return id;
    }

    public UUID sectionId() {
        return section.id();
    }

    public String row() {
        return row;
    }

    public int rowPosition() {
        return rowPosition;
    }

    public int number() {
        return number;
    }

    public boolean accessible() {
        return accessible;
    }

    public boolean restrictedView() {
        return restrictedView;
    }
}
