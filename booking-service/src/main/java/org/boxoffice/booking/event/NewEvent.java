package org.boxoffice.booking.event;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

/** What an organizer supplies to create an event. */
public record NewEvent(UUID venueId, String title, String description, Instant startsAt, Instant endsAt,
        ZoneId timezone, Instant onSaleAt, Instant offSaleAt, Currency currency, int maxPerOrder, int maxPerBuyer,
        Duration holdDuration) {
}
