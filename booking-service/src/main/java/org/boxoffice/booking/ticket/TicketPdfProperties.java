package org.boxoffice.booking.ticket;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ticket PDFs (docs/booking.md, "Ticket PDFs").
 *
 * @param linkLifetime how long a download link opens the PDF after it was made
 */
@ConfigurationProperties("boxoffice.booking.ticket-pdf")
public record TicketPdfProperties(@DefaultValue("5m") Duration linkLifetime) {
}
