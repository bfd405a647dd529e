package org.boxoffice.booking.event;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * An event on a venue, the root of its price tiers; {@code refundCutoff} is its refund policy (buyers may cancel a
 * paid order until that long before the start). A new event is a draft that already keeps its rules (it ends after it
 * starts, sales close after they open and by the end, an order allows no more than a buyer may have, holds last 1–60
 * minutes). State changes go through the methods here, which refuse what the lifecycle does not allow; the service
 * takes them on the event's locked row, so of two concurrent organizer actions the second sees the first's result.
 */
@Entity
@Table(name = "event")
public class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "venue_id")
    private UUID venueId;
    private String title;
    private String description;
    @Embedded
    private Schedule schedule;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;
    @Embedded
    private SalePolicy policy;
    @Enumerated(EnumType.STRING)
    private EventStatus status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Embedded
    private Charges charges = Charges.NONE;
    @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<PriceTier> tiers = new ArrayList<>();

    protected Event() {
    }

    /** A draft of {@code spec} for a venue of {@code organizationId}; refuses a definition that breaks a rule. */
    public Event(UUID organizationId, NewEvent spec, Instant now) {
        this.schedule = new Schedule(spec);
        this.policy = new SalePolicy(spec);
        this.organizationId = organizationId;
        this.venueId = spec.venueId();
        this.title = spec.title().strip();
        this.description = spec.description().strip();
        this.currency = spec.currency().getCurrencyCode();
        this.status = EventStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /**
     * Gives each section its tier, in the event's currency: only while a draft (a published event's prices are
     * fixed), only sections of the event's venue ({@code venueSections}), one tier per section. A section keeping a
     * tier keeps its row with the new name and price; sections left out lose theirs.
     */
    void setTiers(List<TierSpec> specs, Set<UUID> venueSections) {
        if (status != EventStatus.DRAFT) {
            throw new EventStateConflict(id, status, "Price tiers are fixed once an event is published.");
        }
        Set<UUID> seen = TierSpec.sectionsOf(specs, venueSections);
        tiers.removeIf(tier -> !seen.contains(tier.sectionId()));
        for (TierSpec spec : specs) {
            tiers.stream().filter(tier -> tier.sectionId().equals(spec.sectionId())).findFirst().ifPresentOrElse(
                    tier -> tier.reprice(spec.name().strip(), spec.amountMinor(), spec.hidden()),
                    () -> tiers.add(new PriceTier(this, spec.sectionId(), spec.name().strip(), spec.amountMinor(),
                            currency(), spec.hidden())));
        }
    }

    /** Sets the tax and service fee of every ticket: only while a draft, as its prices (a published event's are fixed). */
    void setCharges(Charges charges, Instant now) {
        if (status != EventStatus.DRAFT) {
            throw new EventStateConflict(id, status, "Taxes and fees are fixed once an event is published.");
        }
        this.charges = charges;
        this.updatedAt = now;
    }

    /** Publishes a draft; it needs at least one price tier. */
    public void publish(Instant now) {
        if (status == EventStatus.DRAFT && tiers.isEmpty()) {
            throw new EventStateConflict(id, status, "Give at least one section a price tier before publishing.");
        }
        to(EventStatus.PUBLISHED, now, EventStatus.DRAFT);
    }

    public void pauseSales(Instant now) {
        to(EventStatus.SALES_PAUSED, now, EventStatus.PUBLISHED);
    }

    public void resumeSales(Instant now) {
        to(EventStatus.PUBLISHED, now, EventStatus.SALES_PAUSED);
    }

    public void complete(Instant now) {
        to(EventStatus.COMPLETED, now, EventStatus.PUBLISHED, EventStatus.SALES_PAUSED);
    }

    public void cancel(Instant now) {
        to(EventStatus.CANCELLED, now, EventStatus.DRAFT, EventStatus.PUBLISHED, EventStatus.SALES_PAUSED);
    }

    /** Refuses a sale unless the event is published and {@code now} is inside its sale window. */
    public void requireOnSale(Instant now) {
        requireOnSale(now, false);
    }

    /** Whether {@code now} is before the sale opens: the pre-sale, open only to buyers with an access code. */
    public boolean beforeSaleOpens(Instant now) {
        return now.isBefore(schedule.onSaleAt());
    }

    /**
     * Refuses a sale unless the event is published and {@code now} is inside its sale window, or, for a buyer with a
     * valid access code ({@code presaleAccess}), before the window's end.
     */
    public void requireOnSale(Instant now, boolean presaleAccess) {
        if (status != EventStatus.PUBLISHED) {
            throw new SaleNotOpen(id, "Sales for this event are " + (status == EventStatus.SALES_PAUSED ? "paused"
                    : "closed (" + status + ")") + ".");
        }
        if (!presaleAccess && now.isBefore(schedule.onSaleAt())) {
            throw new SaleNotOpen(id, "Sales open at " + schedule.onSaleAt() + ".");
        }
        if (!now.isBefore(schedule.offSaleAt())) {
            throw new SaleNotOpen(id, "Sales closed at " + schedule.offSaleAt() + ".");
        }
    }

    /** The last moment a buyer may cancel a paid order for a refund: the refund policy's cutoff before the start. */
    public Instant refundableUntil() {
        return schedule.startsAt().minus(refundCutoff());
    }

    private void to(EventStatus target, Instant now, EventStatus... allowedFrom) {
        for (EventStatus from : allowedFrom) {
            if (status == from) {
                status = target;
                updatedAt = now;
                return;
            }
        }
        throw new EventStateConflict(id, status, target);
    }

    /** The price tiers, in the order they were set. */
    public List<PriceTier> tiers() {
        return List.copyOf(tiers);
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public UUID venueId() {
        return venueId;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** When it takes place and when it is on sale. */
    public Schedule schedule() {
        return schedule;
    }

    /** The tax and service fee on each of its tickets. */
    public Charges charges() {
        return charges;
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public int maxPerOrder() {
        return policy.maxPerOrder();
    }

    public int maxPerBuyer() {
        return policy.maxPerBuyer();
    }

    public Duration holdDuration() {
        return Duration.ofSeconds(policy.holdSeconds());
    }

    public EventStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Duration refundCutoff() {
        return Duration.ofHours(policy.refundCutoffHours());
    }
}
