package org.boxoffice.booking.event;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

/**
 * An event on a venue; {@code refundCutoff} is its refund policy (buyers may cancel a paid order until that long
 * before the start). State changes go through the methods here, which refuse transitions the lifecycle does not
 * allow; the repository persists the result with a conditional update on the previous status.
 */
public record Event(UUID id, UUID organizationId, UUID venueId, String title, String description, Instant startsAt,
        Instant endsAt, ZoneId timezone, Instant onSaleAt, Instant offSaleAt, Currency currency, int maxPerOrder,
        int maxPerBuyer, Duration holdDuration, EventStatus status, Instant createdAt, Instant updatedAt,
        Duration refundCutoff) {

    public Event publish(Instant now) {
        return to(EventStatus.PUBLISHED, now, EventStatus.DRAFT);
    }

    public Event pauseSales(Instant now) {
        return to(EventStatus.SALES_PAUSED, now, EventStatus.PUBLISHED);
    }

    public Event resumeSales(Instant now) {
        return to(EventStatus.PUBLISHED, now, EventStatus.SALES_PAUSED);
    }

    public Event complete(Instant now) {
        return to(EventStatus.COMPLETED, now, EventStatus.PUBLISHED, EventStatus.SALES_PAUSED);
    }

    public Event cancel(Instant now) {
        return to(EventStatus.CANCELLED, now, EventStatus.DRAFT, EventStatus.PUBLISHED, EventStatus.SALES_PAUSED);
    }

    /** Refuses a sale unless the event is published and {@code now} is inside its sale window. */
    public void requireOnSale(Instant now) {
        if (status != EventStatus.PUBLISHED) {
            throw new SaleNotOpen(id, "Sales for this event are " + (status == EventStatus.SALES_PAUSED ? "paused"
                    : "closed (" + status + ")") + ".");
        }
        if (now.isBefore(onSaleAt)) {
            throw new SaleNotOpen(id, "Sales open at " + onSaleAt + ".");
        }
        if (!now.isBefore(offSaleAt)) {
            throw new SaleNotOpen(id, "Sales closed at " + offSaleAt + ".");
        }
    }

    /** The last moment a buyer may cancel a paid order for a refund: the refund policy's cutoff before the start. */
    public Instant refundableUntil() {
        return startsAt.minus(refundCutoff);
    }

    private Event to(EventStatus target, Instant now, EventStatus... allowedFrom) {
        for (EventStatus from : allowedFrom) {
            if (status == from) {
                return new Event(id, organizationId, venueId, title, description, startsAt, endsAt, timezone,
                        onSaleAt, offSaleAt, currency, maxPerOrder, maxPerBuyer, holdDuration, target, createdAt, now,
                        refundCutoff);
            }
        }
        throw new EventStateConflict(id, status, target);
    }
}
