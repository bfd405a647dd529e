package org.boxoffice.booking.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The seller's legal details as printed on a document: copied from the {@link Issuer} when it was issued. */
@Embeddable
public record Seller(@Column(name = "issuer_name") String name, @Column(name = "issuer_address") String address,
        @Column(name = "issuer_vat_id") String vatId) {
}
