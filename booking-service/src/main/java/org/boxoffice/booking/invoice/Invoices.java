package org.boxoffice.booking.invoice;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** Issued invoices and credit notes. */
interface Invoices extends JpaRepository<Invoice, UUID> {

    /** An order's documents: its invoice, then its credit notes, by number. */
    List<Invoice> findByOrderIdOrderByKindDescNumberAsc(UUID orderId);

    Optional<Invoice> findByOrderIdAndKind(UUID orderId, DocumentKind kind);
}
