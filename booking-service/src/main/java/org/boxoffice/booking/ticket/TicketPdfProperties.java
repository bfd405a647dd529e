package org.boxoffice.booking.ticket;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Ticket PDFs (docs/booking.md, "Ticket PDFs").
 *
 * @param linkLifetime how long a download link opens the PDF after it was made
 */
@Validated
@ConfigurationProperties("boxoffice.booking.ticket-pdf")
public record TicketPdfProperties(@DurationMin(millis = 1) @DefaultValue("5m") Duration linkLifetime) {
}
