package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event's rule for ticket transfers, set by its organizer: whether buyers may transfer tickets at all, and until
 * when. Never after the event starts, whatever the deadline says; an event without a rule allows transfers until it
 * starts.
 */
@Entity
@Table(name = "ticket_transfer_policy")
public class TransferPolicy {

    @Id
    @Column(name = "event_id")
    private UUID eventId;
    private boolean enabled;
    private @Nullable Instant deadline;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected TransferPolicy() {
    }

    TransferPolicy(UUID eventId, boolean enabled, @Nullable Instant deadline, Instant now) {
        this.eventId = eventId;
        this.updatedAt = now;
        change(enabled, deadline, now);
    }

    /** The rule of an event whose organizer set none. */
    static TransferPolicy defaults(UUID eventId, Instant now) {
        return new TransferPolicy(eventId, true, null, now);
    }

    void change(boolean enabled, @Nullable Instant deadline, Instant now) {
        this.enabled = enabled;
        this.deadline = deadline;
        this.updatedAt = now;
    }

    /** The last instant a transfer is refused at: the deadline, or the event's start if that comes first. */
    Instant closesAt(Instant eventStartsAt) {
        return deadline == null || deadline.isAfter(eventStartsAt) ? eventStartsAt : deadline;
    }

    /** Refuses a transfer at {@code now} that this rule does not allow. */
    void requireOpen(Instant now, Instant eventStartsAt) {
        if (!enabled) {
            throw new TransferNotAllowed(eventId, TransferNotAllowed.Reason.DISABLED, closesAt(eventStartsAt));
        }
        if (!now.isBefore(closesAt(eventStartsAt))) {
            throw new TransferNotAllowed(eventId, TransferNotAllowed.Reason.DEADLINE_PASSED, closesAt(eventStartsAt));
        }
    }

    public UUID eventId() {
        return eventId;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The organizer's deadline; null: until the event starts. */
    public @Nullable Instant deadline() {
        return deadline;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
