package org.boxoffice.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.boxoffice.notification.message.MessageKind;
import org.jspecify.annotations.Nullable;

/**
 * One message to one buyer on one channel, caused by one event or announcement ({@code sourceId}). There is at most
 * one per (source, channel, buyer): that is how a redelivered event sends nothing new. Deliveries are planned and
 * claimed set-based by {@link DeliveryLog}; what happens to a claimed one is decided here:
 * SENDING → SENT, back to PENDING for a later attempt, or FAILED; FAILED → PENDING again when an admin retries it.
 * The claim counts the version up, so a worker whose lease ran out cannot overwrite the next claimant's outcome.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    private static final int MAX_ERROR_LENGTH = 1_000;

    @Id
    private UUID id;

    @Column(name = "source_id")
    private UUID sourceId;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Column(name = "buyer_id")
    private UUID buyerId;

    @Enumerated(EnumType.STRING)
    private MessageKind kind;

    @Enumerated(EnumType.STRING)
    private Lane lane;

    /** The address when known when the message was planned; an email may be learnt later. */
    private @Nullable String recipient;

    private String locale;

    /** The JSON the message is rendered from (the event's payload, or the announcement). */
    private String payload;

    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "lease_until")
    private @Nullable Instant leaseUntil;

    @Column(name = "last_error")
    private @Nullable String lastError;

    @Column(name = "provider_id")
    private @Nullable String providerId;

    @Column(name = "created_at", updatable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private @Nullable Instant sentAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private @Nullable Long version;

    /** The propagation fields (JSON) of the trace that planned it; the provider call continues that trace. */
    @Column(name = "trace_context", updatable = false)
    private @Nullable String traceContext;

    /** For JPA, which fills every field. */
    @SuppressWarnings("NullAway.Init")
    protected Delivery() {
    }

    /** Sent to {@code recipient}; the provider's id for it kept. Only a claimed (SENDING) delivery can be sent. */
    void markSent(String recipient, String providerId, Instant now) {
        requireSending("sent");
        this.status = DeliveryStatus.SENT;
        this.recipient = recipient;
        this.providerId = providerId;
        this.sentAt = micros(now);
        this.leaseUntil = null;
        this.lastError = null;
        this.updatedAt = micros(now);
    }

    /**
     * Back to PENDING until {@code nextAttempt}, keeping the reason visible meanwhile. An attempt that never reached the
     * provider (its circuit breaker was open) is not counted.
     */
    void reschedule(String reason, Instant nextAttempt, boolean countAttempt, Instant now) {
        requireSending("rescheduled");
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = micros(nextAttempt);
        this.lastError = truncate(reason);
        this.leaseUntil = null;
        if (!countAttempt) {
            this.attempts--;
        }
        this.updatedAt = micros(now);
    }

    /**
     * Back to PENDING without spending an attempt: what the message must carry (the order's invoice) cannot be had now,
     * and it is never sent without it. It waits as long as it has waited so far, within {@code shortest} and
     * {@code longest}, so that a long outage of the attachment's source is asked about ever less often.
     */
    void awaitAttachment(String reason, Duration shortest, Duration longest, Instant now) {
        Duration waited = Duration.between(createdAt, now);
        Duration wait = waited.compareTo(shortest) < 0 ? shortest : waited.compareTo(longest) > 0 ? longest : waited;
        reschedule(reason, now.plus(wait), false, now);
    }

    /** FAILED for good, with the reason, until an admin retries it. */
    void fail(String reason, Instant now) {
        requireSending("failed");
        this.status = DeliveryStatus.FAILED;
        this.lastError = truncate(reason);
        this.leaseUntil = null;
        this.updatedAt = micros(now);
    }

    /** A FAILED delivery becomes PENDING again, due now, with a fresh budget of attempts; false for any other. */
    boolean retry(Instant now) {
        if (status != DeliveryStatus.FAILED) {
            return false;
        }
        this.status = DeliveryStatus.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = micros(now);
        this.updatedAt = micros(now);
        return true;
    }

    private void requireSending(String what) {
        if (status != DeliveryStatus.SENDING) {
            throw new IllegalStateException("delivery " + id + " is " + status + ", not SENDING: it cannot be " + what);
        }
    }

    private static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_ERROR_LENGTH ? reason : reason.substring(0, MAX_ERROR_LENGTH);
    }

    public UUID id() {
        return id;
    }

    public UUID sourceId() {
        return sourceId;
    }

    public Channel channel() {
        return channel;
    }

    public UUID buyerId() {
        return buyerId;
    }

    public MessageKind kind() {
        return kind;
    }

    public Lane lane() {
        return lane;
    }

    public @Nullable String recipient() {
        return recipient;
    }

    public Locale locale() {
        return Locale.forLanguageTag(locale);
    }

    public String payload() {
        return payload;
    }

    @Nullable String traceContext() {
        return traceContext;
    }

    public DeliveryStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public @Nullable String lastError() {
        return lastError;
    }

    public @Nullable String providerId() {
        return providerId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public @Nullable Instant sentAt() {
        return sentAt;
    }
}
