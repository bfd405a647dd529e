package org.boxoffice.booking.event;

import java.util.Currency;
import java.util.UUID;

import org.boxoffice.booking.venue.SectionKind;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The price of every ticket in one section or area of an event, in integer minor units of the event's currency. */
@Entity
@Table(name = "price_tier")
public class PriceTier {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    private Event event;
    @Column(name = "section_id")
    private UUID sectionId;
    private String name;
    @Column(name = "amount_minor")
    private long amountMinor;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;
    private boolean hidden;
    /** Tickets the organizer added to the section (an area) after publishing, on top of the venue's capacity. */
    @Column(name = "added_capacity")
    private int addedCapacity;

    protected PriceTier() {
    }

    PriceTier(Event event, UUID sectionId, String name, long amountMinor, Currency currency, boolean hidden) {
        requireNotNegative(amountMinor);
        this.event = event;
        this.sectionId = sectionId;
        this.name = name;
        this.amountMinor = amountMinor;
        this.currency = currency.getCurrencyCode();
        this.hidden = hidden;
    }

    void reprice(String name, long amountMinor, boolean hidden) {
        requireNotNegative(amountMinor);
        this.name = name;
        this.amountMinor = amountMinor;
        this.hidden = hidden;
    }

    /**
     * Adds {@code tickets} (at least 1) to the section's capacity for this event; only a general-admission area's
     * ({@code kind} is the venue section's): a seated section's capacity is its seats.
     */
    void addCapacity(SectionKind kind, int tickets) {
        if (kind != SectionKind.GENERAL_ADMISSION) {
            throw new NotGeneralAdmission(sectionId);
        }
        if (tickets < 1) {
            throw new IllegalArgumentException("capacity is added by at least one ticket, not " + tickets);
        }
        addedCapacity = Math.addExact(addedCapacity, tickets);
    }

    /** Whether the tier is left out of what buyers browse: only an access code covering it opens it. */
    public boolean hidden() {
        return hidden;
    }

    private static void requireNotNegative(long amountMinor) {
        if (amountMinor < 0) {
            throw new IllegalArgumentException("a price is never negative");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID eventId() {
        return event.id();
    }

    public UUID sectionId() {
        return sectionId;
    }

    public String name() {
        return name;
    }

    public long amountMinor() {
        return amountMinor;
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }
}
