package org.boxoffice.booking.event;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

/** What an organizer supplies to create an event; {@code refundCutoff} in whole hours (the refund policy). */
public record NewEvent(UUID venueId, String title, String description, Instant startsAt, Instant endsAt,
        ZoneId timezone, Instant onSaleAt, Instant offSaleAt, Currency currency, int maxPerOrder, int maxPerBuyer,
        Duration holdDuration, Duration refundCutoff) {

    /** The default refund policy: paid orders can be cancelled until 48 hours before the start. */
    public static final Duration DEFAULT_REFUND_CUTOFF = Duration.ofHours(48);

    public NewEvent(UUID venueId, String title, String description, Instant startsAt, Instant endsAt, ZoneId timezone,
            Instant onSaleAt, Instant offSaleAt, Currency currency, int maxPerOrder, int maxPerBuyer,
            Duration holdDuration) {
        this(venueId, title, description, startsAt, endsAt, timezone, onSaleAt, offSaleAt, currency, maxPerOrder,
                maxPerBuyer, holdDuration, DEFAULT_REFUND_CUTOFF);
    }
}
