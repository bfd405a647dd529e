package org.boxoffice.notification.delivery;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.boxoffice.notification.message.MessageKind;
import org.jspecify.annotations.Nullable;

/** What the admin API shows of a delivery: everything but the payload. */
public record DeliveryView(UUID id, UUID sourceId, Channel channel, UUID buyerId, MessageKind kind, Lane lane,
        @Nullable String recipient, Locale locale, DeliveryStatus status, int attempts, Instant nextAttemptAt,
        @Nullable String lastError, @Nullable String providerId, Instant createdAt, @Nullable Instant sentAt) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.sourceId(), d.channel(), d.buyerId(), d.kind(), d.lane(), d.recipient(),
                d.locale(), d.status(), d.attempts(), d.nextAttemptAt(), d.lastError(), d.providerId(), d.createdAt(),
                d.sentAt());
    }
}
