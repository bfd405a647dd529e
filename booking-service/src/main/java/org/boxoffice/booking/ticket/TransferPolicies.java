package org.boxoffice.booking.ticket;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/** The events' transfer rules, by event id. */
interface TransferPolicies extends JpaRepository<TransferPolicy, UUID> {
}
