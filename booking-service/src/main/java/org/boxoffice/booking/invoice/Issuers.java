package org.boxoffice.booking.invoice;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The organizations' seller details. */
interface Issuers extends JpaRepository<Issuer, UUID> {
}
