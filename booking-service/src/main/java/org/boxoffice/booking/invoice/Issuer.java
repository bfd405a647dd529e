package org.boxoffice.booking.invoice;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An organization's legal details as the seller on its invoices: its legal name, address and VAT id. Booking keeps its
 * own copy, set by the organizer, because invoices are issued inside the confirmation's transaction and must not wait
 * on user-service; a change applies to documents issued after it, never to those issued before.
 */
@Entity
@Table(name = "invoice_issuer")
public class Issuer {

    @Id
    @Column(name = "organization_id")
    private UUID organizationId;
    @Column(name = "legal_name")
    private String legalName;
    private String address;
    @Column(name = "vat_id")
    private String vatId;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Issuer() {
    }

    Issuer(UUID organizationId) {
        this.organizationId = organizationId;
    }

    /** Sets the details; the legal name is required, the VAT id may be empty (a seller not registered for VAT). */
    void update(String legalName, String address, String vatId, Instant now) {
        if (legalName.isBlank()) {
            throw new IllegalArgumentException("a seller has a legal name");
        }
        this.legalName = legalName.strip();
        this.address = address.strip();
        this.vatId = vatId.strip();
        this.updatedAt = now;
    }

    Seller seller() {
        return new Seller(legalName, address, vatId);
    }

    public UUID organizationId() {
        return organizationId;
    }

    public String legalName() {
        return legalName;
    }

    public String address() {
        return address;
    }

    public String vatId() {
        return vatId;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
