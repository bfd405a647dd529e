package org.boxoffice.notification.announcement;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * An organizer's message to every ticket holder of an event, and how many buyers it went out to. Written once with
 * its deliveries and never changed.
 */
@Entity
@Table(name = "announcement")
@Immutable
public class Announcement {

    /** Longest subject and body accepted, as the API states them. */
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 5_000;

    @Id
    private UUID id;

    @Column(name = "event_id")
    private UUID eventId;

    @Column(name = "organization_id")
    private UUID organizationId;

    private String subject;

    private String body;

    @Column(name = "created_by")
    private UUID createdBy;

    private int recipients;

    @Column(name = "created_at")
    private Instant createdAt;

    /** For JPA, which fills every field. */
    @SuppressWarnings("NullAway.Init")
    protected Announcement() {
    }

    /** The announcement as sent: subject and body stripped, neither blank nor too long; recipients counted. */
    Announcement(UUID id, UUID eventId, UUID organizationId, String subject, String body, UUID createdBy,
            int recipients, Instant createdAt) {
        this.subject = required("subject", subject, MAX_SUBJECT);
        this.body = required("body", body, MAX_BODY);
        if (recipients < 0) {
            throw new IllegalArgumentException("recipients cannot be negative");
        }
        this.id = id;
        this.eventId = eventId;
        this.organizationId = organizationId;
        this.createdBy = createdBy;
        this.recipients = recipients;
        this.createdAt = createdAt.truncatedTo(ChronoUnit.MICROS);
    }

    private static String required(String name, String text, int max) {
        String stripped = text.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw new IllegalArgumentException("an announcement's " + name + " has 1 to " + max + " characters");
        }
        return stripped;
    }

    public UUID id() {
        return id;
    }

    public UUID eventId() {
        return eventId;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public UUID createdBy() {
        return createdBy;
    }

    public int recipients() {
        return recipients;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
