package org.boxoffice.booking.ticket;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

import org.boxoffice.booking.system.AssignedId;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One admission: a seat ({@code row} and {@code seat} set) or a general-admission place. Its id is chosen before it is
 * stored, because the QR payload signs it. VALID → VOID (order cancelled or refunded, or handed to another address:
 * then {@code transferredAt} is set and a new ticket takes its place, {@link #transferTo}); check-in is a timestamp on
 * a VALID ticket, set once ({@link #checkIn}).
 */
@Entity
@Table(name = "ticket")
public class Ticket extends AssignedId {

    @Id
    private UUID id;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "buyer_id")
    private UUID buyerId;
    private int position;
    @Column(name = "section_id")
    private UUID sectionId;
    @Column(name = "section_name")
    private String sectionName;
    @Column(name = "seat_id")
    private @Nullable UUID seatId;
    @Column(name = "row_label")
    private @Nullable String row;
    @Column(name = "seat_number")
    private @Nullable String seat;
    @Column(name = "tier_name")
    private String tierName;
    @Column(name = "price_minor")
    private long priceMinor;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;
    private String code;
    @Column(name = "qr_payload")
    private String qrPayload;
    @Enumerated(EnumType.STRING)
    private TicketStatus status;
    @Column(name = "issued_at")
    private Instant issuedAt;
    @Column(name = "voided_at")
    private @Nullable Instant voidedAt;
    @Column(name = "checked_in_at")
    private @Nullable Instant checkedInAt;
    @Column(name = "holder_email")
    private @Nullable String holderEmail;
    @Column(name = "transferred_from")
    private @Nullable UUID transferredFrom;
    @Column(name = "transferred_at")
    private @Nullable Instant transferredAt;

    protected Ticket() {
    }

    Ticket(UUID id, UUID orderId, UUID eventId, UUID buyerId, int position, UUID sectionId, String sectionName,
            @Nullable UUID seatId, @Nullable String row, @Nullable String seat, String tierName, long priceMinor,
            Currency currency, String code, String qrPayload, Instant issuedAt) {
        this.id = id;
        this.orderId = orderId;
        this.eventId = eventId;
        this.buyerId = buyerId;
        this.position = position;
        this.sectionId = sectionId;
        this.sectionName = sectionName;
        this.seatId = seatId;
        this.row = row;
        this.seat = seat;
        this.tierName = tierName;
        this.priceMinor = priceMinor;
        this.currency = currency.getCurrencyCode();
        this.code = code;
        this.qrPayload = qrPayload;
        this.status = TicketStatus.VALID;
        this.issuedAt = issuedAt;
    }

    /**
     * Admits the holder: only a valid ticket, and only once. The service calls it on the ticket's locked row, so of
     * two scans racing exactly one admits and the other is told when the first did.
     */
    void checkIn(Instant now) {
        requireLive();
        if (checkedInAt != null) {
            throw new TicketAlreadyCheckedIn(id, checkedInAt);
        }
        // As PostgreSQL keeps it (microseconds), so the answer and a later read agree.
        checkedInAt = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /**
     * Hands this ticket to {@code recipient}: it becomes void (transferred), and the returned ticket (same order, place
     * and price; new id, code and QR payload) replaces it. Only a valid ticket not used at the door; the caller holds
     * the row lock, so a racing check-in waits and finds it transferred (or the transfer finds it checked in).
     */
    Ticket transferTo(String recipient, UUID newId, String newCode, String newQrPayload, Instant now) {
        requireLive();
        if (checkedInAt != null) {
            throw new TicketAlreadyCheckedIn(id, checkedInAt);
        }
        Instant at = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        status = TicketStatus.VOID;
        voidedAt = at;
        transferredAt = at;
        Ticket next = new Ticket(newId, orderId, eventId, buyerId, position, sectionId, sectionName, seatId, row, seat,
                tierName, priceMinor, currency(), newCode, newQrPayload, at);
        next.holderEmail = recipient;
        next.transferredFrom = id;
        return next;
    }

    private void requireLive() {
        if (transferredAt != null) {
            throw new TicketTransferred(id, transferredAt);
        }
        if (status == TicketStatus.VOID) {
            throw new TicketVoid(id);
        }
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID id() {
        return id;
    }

    public UUID orderId() {
        return orderId;
    }

    public UUID eventId() {
        return eventId;
    }

    public UUID buyerId() {
        return buyerId;
    }

    public int position() {
        return position;
    }

    public UUID sectionId() {
        return sectionId;
    }

    public String sectionName() {
        return sectionName;
    }

    public @Nullable UUID seatId() {
        return seatId;
    }

    public @Nullable String row() {
        return row;
    }

    public @Nullable String seat() {
        return seat;
    }

    public String tierName() {
        return tierName;
    }

    public long priceMinor() {
        return priceMinor;
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public String code() {
        return code;
    }

    public String qrPayload() {
        return qrPayload;
    }

    public TicketStatus status() {
        return status;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public @Nullable Instant voidedAt() {
        return voidedAt;
    }

    public @Nullable Instant checkedInAt() {
        return checkedInAt;
    }

    /** Who the ticket was transferred to; null: its buyer holds it. */
    public @Nullable String holderEmail() {
        return holderEmail;
    }

    public @Nullable UUID transferredFrom() {
        return transferredFrom;
    }

    public @Nullable Instant transferredAt() {
        return transferredAt;
    }
}
