package org.boxoffice.booking.invoice;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

/**
 * An issued invoice or credit note, frozen: its number in its organization's series, the seller's details, the buyer,
 * the event, the tax rule, its lines (an invoice's: the order's; a credit note has none) and its sums. A credit note
 * {@code corrects} the order's invoice for one refund ({@code refundId}); its sums are the refund and the tax and fee
 * in it.
 */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    private UUID id;
    @Column(name = "organization_id")
    private UUID organizationId;
    @Enumerated(EnumType.STRING)
    private DocumentKind kind;
    private long number;
    @Column(name = "order_id")
    private UUID orderId;
    @Column(name = "event_id")
    private UUID eventId;
    @Column(name = "buyer_id")
    private UUID buyerId;
    @Column(name = "buyer_email")
    private String buyerEmail;
    @Column(name = "event_title")
    private String eventTitle;
    @Column(name = "issued_at")
    private Instant issuedAt;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 3)
    private String currency;
    @Embedded
    private Seller seller;
    @Column(name = "tax_label")
    private String taxLabel;
    @Column(name = "tax_rate_bp")
    private int taxRateBasisPoints;
    @Column(name = "tax_included")
    private boolean taxIncluded;
    @Embedded
    private Sums sums;
    private @Nullable UUID corrects;
    @Column(name = "refund_id")
    private @Nullable UUID refundId;
    @Column(name = "pdf_token")
    private @Nullable String pdfToken;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "invoice_line", joinColumns = @JoinColumn(name = "invoice_id"))
    @OrderColumn(name = "position")
    private List<InvoiceLine> lines = new ArrayList<>();

    protected Invoice() {
    }

    private Invoice(UUID organizationId, DocumentKind kind, long number, UUID orderId, UUID eventId, UUID buyerId,
            String buyerEmail, String eventTitle, Instant issuedAt, String currency, Seller seller, String taxLabel,
            int taxRateBasisPoints, boolean taxIncluded, Sums sums) {
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.kind = kind;
        this.number = number;
        this.orderId = orderId;
        this.eventId = eventId;
        this.buyerId = buyerId;
        this.buyerEmail = buyerEmail;
        this.eventTitle = eventTitle;
        this.issuedAt = issuedAt;
        this.currency = currency;
        this.seller = seller;
        this.taxLabel = taxLabel;
        this.taxRateBasisPoints = taxRateBasisPoints;
        this.taxIncluded = taxIncluded;
        this.sums = sums;
    }

    /**
     * The invoice of a confirmed sale, numbered {@code number} in its organization's invoice series; its PDF opens for
     * services with {@code pdfToken} ({@link #opensWith}).
     */
    static Invoice of(Invoicing.Sale sale, Seller seller, long number, String pdfToken, Instant now) {
        Invoice invoice = new Invoice(sale.organizationId(), DocumentKind.INVOICE, number, sale.orderId(),
                sale.eventId(), sale.buyerId(), sale.buyerEmail(), sale.eventTitle(), now,
                sale.currency().getCurrencyCode(), seller, sale.charges().taxLabel(),
                sale.charges().taxRateBasisPoints(), sale.charges().taxIncluded(), sale.sums());
        invoice.lines = new ArrayList<>(sale.lines());
        invoice.pdfToken = pdfToken;
        return invoice;
    }

    /**
     * The credit note correcting this invoice for refund {@code refundId} of {@code totalMinor}, of which
     * {@code taxMinor} tax and {@code feeMinor} fee, numbered {@code number} in the credit note series; the seller is
     * as on the invoice it corrects.
     */
    Invoice creditNote(UUID refundId, long totalMinor, long taxMinor, long feeMinor, long number, Instant now) {
        if (kind != DocumentKind.INVOICE) {
            throw new IllegalStateException("only an invoice is corrected by a credit note");
        }
        long net = totalMinor - feeMinor - (taxIncluded ? 0 : taxMinor);
        Invoice note = new Invoice(organizationId, DocumentKind.CREDIT_NOTE, number, orderId, eventId, buyerId,
                buyerEmail, eventTitle, now, currency, seller, taxLabel, taxRateBasisPoints, taxIncluded,
                new Sums(net, 0, feeMinor, taxMinor, totalMinor));
        note.corrects = id;
        note.refundId = refundId;
        return note;
    }

    /**
     * The key to this invoice's PDF, given to a service that sends it on: the one it was issued with, or {@code fresh}
     * for an invoice issued before invoices had one (kept from then on).
     */
    String pdfToken(Supplier<String> fresh) {
        if (pdfToken == null) {
            pdfToken = fresh.get();
        }
        return pdfToken;
    }

    /** Whether {@code token} is this invoice's PDF key, compared in constant time; never for a credit note. */
    boolean opensWith(String token) {
        return kind == DocumentKind.INVOICE && pdfToken != null && MessageDigest.isEqual(
                pdfToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    /** Its number as printed: {@code INV-000042}, {@code CN-000007}. */
    public String displayNumber() {
        return kind.format(number);
    }

    public UUID id() {
        return id;
    }

    public UUID organizationId() {
        return organizationId;
    }

    public DocumentKind kind() {
        return kind;
    }

    public long number() {
        return number;
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

    public String buyerEmail() {
        return buyerEmail;
    }

    public String eventTitle() {
        return eventTitle;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public Seller seller() {
        return seller;
    }

    public String taxLabel() {
        return taxLabel;
    }

    public int taxRateBasisPoints() {
        return taxRateBasisPoints;
    }

    public boolean taxIncluded() {
        return taxIncluded;
    }

    public Sums sums() {
        return sums;
    }

    /** The invoice a credit note corrects; null for an invoice. */
    public @Nullable UUID corrects() {
        return corrects;
    }

    public List<InvoiceLine> lines() {
        return List.copyOf(lines);
    }
}
