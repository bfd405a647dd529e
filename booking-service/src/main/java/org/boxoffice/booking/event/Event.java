package org.boxoffice.booking.event;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
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

    static final Duration MAX_HOLD = Duration.ofHours(1);
    static final Duration MIN_HOLD = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.UUID)
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "venue_id")
    private UUID venueId;
    private String title;
    private String description;
    @Column(name = "starts_at")
    private Instant startsAt;
    @Column(name = "ends_at")
    private Instant endsAt;
    private String timezone;
    @Column(name = "on_sale_at")
    private Instant onSaleAt;
    @Column(name = "off_sale_at")
    private Instant offSaleAt;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;
    @Column(name = "max_per_order")
    private int maxPerOrder;
    @Column(name = "max_per_buyer")
    private int maxPerBuyer;
    @Column(name = "hold_seconds")
    private int holdSeconds;
    @Enumerated(EnumType.STRING)
    private EventStatus status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Column(name = "refund_cutoff_hours")
    private int refundCutoffHours;
    @OneToMany(mappedBy = "event", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<PriceTier> tiers = new ArrayList<>();

    protected Event() {
    }

    /** A draft of {@code spec} for a venue of {@code organizationId}; refuses a definition that breaks a rule. */
    public Event(UUID organizationId, NewEvent spec, Instant now) {
        if (!spec.endsAt().isAfter(spec.startsAt())) {
            throw new InvalidEvent("endsAt", "The event must end after it starts.");
        }
        if (!spec.offSaleAt().isAfter(spec.onSaleAt())) {
            throw new InvalidEvent("offSaleAt", "Sales must close after they open.");
        }
        if (spec.offSaleAt().isAfter(spec.endsAt())) {
            throw new InvalidEvent("offSaleAt", "Sales must close by the end of the event.");
        }
        if (spec.maxPerOrder() > spec.maxPerBuyer()) {
            throw new InvalidEvent("maxTicketsPerOrder", "An order cannot allow more tickets than a buyer may have.");
        }
        if (spec.holdDuration().compareTo(MIN_HOLD) < 0 || spec.holdDuration().compareTo(MAX_HOLD) > 0) {
            throw new InvalidEvent("holdDuration", "Hold duration must be between 1 and 60 minutes.");
        }
        this.organizationId = organizationId;
        this.venueId = spec.venueId();
        this.title = spec.title().strip();
        this.description = spec.description().strip();
        this.startsAt = spec.startsAt();
        this.endsAt = spec.endsAt();
        this.timezone = spec.timezone().getId();
        this.onSaleAt = spec.onSaleAt();
        this.offSaleAt = spec.offSaleAt();
        this.currency = spec.currency().getCurrencyCode();
        this.maxPerOrder = spec.maxPerOrder();
        this.maxPerBuyer = spec.maxPerBuyer();
        this.holdSeconds = (int) spec.holdDuration().toSeconds();
        this.status = EventStatus.DRAFT;
        this.createdAt = now;
        this.updatedAt = now;
        this.refundCutoffHours = (int) spec.refundCutoff().toHours();
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
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            TierSpec tier = specs.get(i);
            if (!venueSections.contains(tier.sectionId())) {
                throw new InvalidEvent("tiers[" + i + "].sectionId",
                        "Section " + tier.sectionId() + " is not part of the event's venue.");
            }
            if (!seen.add(tier.sectionId())) {
                throw new InvalidEvent("tiers[" + i + "].sectionId",
                        "Section " + tier.sectionId() + " has more than one tier.");
            }
        }
        tiers.removeIf(tier -> !seen.contains(tier.sectionId()));
        for (TierSpec spec : specs) {
            tiers.stream().filter(tier -> tier.sectionId().equals(spec.sectionId())).findFirst().ifPresentOrElse(
                    tier -> tier.reprice(spec.name().strip(), spec.amountMinor(), spec.hidden()),
                    () -> tiers.add(new PriceTier(this, spec.sectionId(), spec.name().strip(), spec.amountMinor(),
                            currency(), spec.hidden())));
        }
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
        return now.isBefore(onSaleAt);
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
        if (!presaleAccess && now.isBefore(onSaleAt)) {
            throw new SaleNotOpen(id, "Sales open at " + onSaleAt + ".");
        }
        if (!now.isBefore(offSaleAt)) {
            throw new SaleNotOpen(id, "Sales closed at " + offSaleAt + ".");
        }
    }

    /** The last moment a buyer may cancel a paid order for a refund: the refund policy's cutoff before the start. */
    public Instant refundableUntil() {
        return startsAt.minus(refundCutoff());
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

    public Instant startsAt() {
        return startsAt;
    }

    public Instant endsAt() {
        return endsAt;
    }

    public ZoneId timezone() {
        return ZoneId.of(timezone);
    }

    public Instant onSaleAt() {
        return onSaleAt;
    }

    public Instant offSaleAt() {
        return offSaleAt;
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public int maxPerOrder() {
        return maxPerOrder;
    }

    public int maxPerBuyer() {
        return maxPerBuyer;
    }

    public Duration holdDuration() {
        return Duration.ofSeconds(holdSeconds);
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
        return Duration.ofHours(refundCutoffHours);
    }
}
