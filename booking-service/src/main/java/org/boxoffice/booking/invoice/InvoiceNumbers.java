package org.boxoffice.booking.invoice;

import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The next number of an organization's series, without gap and without duplicate however many confirmations race:
 * one upsert increments the series' row and locks it until the caller's transaction ends, so the next caller waits,
 * then reads the committed number, and a rolled-back caller's increment is undone with it.
 */
@Component
@SqlByDesign("Gapless invoice numbers: a counter row incremented and locked in the issuing transaction, so a "
        + "rollback gives the number back and concurrent issuers take consecutive numbers")
class InvoiceNumbers {

    private final JdbcClient jdbc;

    InvoiceNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long next(UUID organizationId, DocumentKind kind) {
        return jdbc.sql("""
                INSERT INTO invoice_sequence (organization_id, kind, last_number) VALUES (?, ?, 1)
                ON CONFLICT (organization_id, kind) DO UPDATE SET last_number = invoice_sequence.last_number + 1
                RETURNING last_number""").params(organizationId, kind.name()).query(Long.class).single();
    }
}
