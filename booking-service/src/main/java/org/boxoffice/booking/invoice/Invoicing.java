package org.boxoffice.booking.invoice;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.boxoffice.booking.event.Charges;
import org.boxoffice.booking.system.OrganizerAccess;
import org.boxoffice.platform.transaction.TransactionPhases;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues invoices and credit notes, and finds them. A document is issued in the transaction that confirms or refunds
 * the order, as the last thing before it commits: its number is taken from the organization's series then, after
 * every other row the transaction locks, so the series' row is held only for the commit itself and no lock order of
 * the saga can meet it the other way round; a confirmation that rolls back takes no number. Nothing is rendered while
 * the series' row is locked: a PDF is rendered when it is asked for, from the frozen document (the buyer's and the
 * organizer's downloads, and notification-service's with the invoice's PDF token, for the confirmation email).
 */
@Service
public class Invoicing {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Invoices invoices;
    private final Issuers issuers;
    private final InvoiceNumbers numbers;
    private final Clock clock;

    Invoicing(Invoices invoices, Issuers issuers, InvoiceNumbers numbers, Clock clock) {
        this.invoices = invoices;
        this.issuers = issuers;
        this.numbers = numbers;
        this.clock = clock;
    }

    /** A confirmed sale to invoice: the order, its buyer and event, its tax rule, its lines and sums. */
    public record Sale(UUID orderId, UUID eventId, UUID organizationId, UUID buyerId, String buyerEmail,
            String eventTitle, Currency currency, Charges charges, List<InvoiceLine> lines, Sums sums) {
    }

    /** An issued invoice: its id, its number as printed, and the token that opens its PDF ({@link #pdfFor}). */
    public record Issued(UUID invoiceId, String number, String pdfToken) {
    }

    /**
     * Issues the sale's invoice when the caller's transaction commits (the order has at most one), then hands it to
     * {@code then} still inside that transaction: what announces the order's confirmation names it, and passes on its
     * PDF token so that the confirmation email can fetch the PDF once the confirmation committed.
     */
    public void issueInvoice(Sale sale, Consumer<Issued> then) {
        TransactionPhases.beforeCommit(() -> {
            Invoice invoice = invoices.findByOrderIdAndKind(sale.orderId(), DocumentKind.INVOICE).orElseGet(() -> {
                Seller seller = issuers.findById(sale.organizationId()).map(Issuer::seller)
                        .orElse(new Seller("", "", ""));
                long number = numbers.next(sale.organizationId(), DocumentKind.INVOICE);
                return invoices.saveAndFlush(Invoice.of(sale, seller, number, newPdfToken(), clock.instant()));
            });
            then.accept(new Issued(invoice.id(), invoice.displayNumber(), invoice.pdfToken(Invoicing::newPdfToken)));
        });
    }

    /**
     * Issues, when the caller's transaction commits, the credit note of refund {@code refundId} ({@code totalMinor},
     * of which {@code taxMinor} tax and {@code feeMinor} fee) correcting the order's invoice; an order without an
     * invoice (never confirmed) gets none.
     */
    public void issueCreditNote(UUID orderId, UUID refundId, long totalMinor, long taxMinor, long feeMinor) {
        if (totalMinor <= 0) {
            return;
        }
        TransactionPhases.beforeCommit(() -> invoices.findByOrderIdAndKind(orderId, DocumentKind.INVOICE)
                .ifPresent(invoice -> {
                    long number = numbers.next(invoice.organizationId(), DocumentKind.CREDIT_NOTE);
                    invoices.saveAndFlush(invoice.creditNote(refundId, totalMinor, taxMinor, feeMinor, number,
                            clock.instant()));
                }));
    }

    /** The order's documents: its invoice, then its credit notes by number; none before it is confirmed. */
    @Transactional(readOnly = true)
    public List<Invoice> documents(UUID orderId) {
        return invoices.findByOrderIdOrderByKindDescNumberAsc(orderId);
    }

    /** One of the order's documents. */
    @Transactional(readOnly = true)
    public Invoice document(UUID orderId, UUID documentId) {
        return invoices.findById(documentId).filter(invoice -> invoice.orderId().equals(orderId))
                .orElseThrow(() -> new InvoiceNotFound(documentId));
    }

    /** The document as a PDF; a credit note names the invoice it corrects. */
    @Transactional(readOnly = true)
    public byte[] pdf(Invoice invoice) {
        UUID corrects = invoice.corrects();
        return InvoicePdf.render(invoice, corrects == null ? null
                : invoices.findById(corrects).map(Invoice::displayNumber).orElse(null));
    }

    /**
     * The invoice's PDF for a service holding its token (notification-service, from the order's {@code OrderConfirmed}
     * event); an unknown invoice, a credit note or another token is {@link InvoiceNotFound}, alike. Rendered after the
     * read, holding no database connection (the document and its lines are loaded at once).
     */
    public byte[] pdfFor(UUID invoiceId, String token) {
        return InvoicePdf.render(invoices.findById(invoiceId).filter(invoice -> invoice.opensWith(token))
                .orElseThrow(() -> new InvoiceNotFound(invoiceId)), null);
    }

    /** 32 random bytes, base64url: what a service must show to read one invoice's PDF. */
    private static String newPdfToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** The organization's seller details, if the caller manages it and they were set. */
    @Transactional(readOnly = true)
    public Issuer issuer(OrganizerAccess access, UUID organizationId) {
        return issuers.findById(organizationId).filter(issuer -> access.canManage(organizationId))
                .orElseThrow(() -> new IssuerNotFound(organizationId));
    }

    /** Sets the organization's seller details for the documents issued from now on. */
    @Transactional
    public Issuer setIssuer(OrganizerAccess access, UUID organizationId, String legalName, String address,
            String vatId) {
        if (!access.canManage(organizationId)) {
            throw new IssuerNotFound(organizationId);
        }
        Issuer issuer = issuers.findById(organizationId).orElseGet(() -> new Issuer(organizationId));
        issuer.update(legalName, address, vatId, clock.instant());
        return issuers.save(issuer);
    }
}
