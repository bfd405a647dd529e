package org.boxoffice.notification.delivery;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.boxoffice.notification.message.MessageKind;
import org.jspecify.annotations.Nullable;

/**
 * One message to one buyer on one channel, caused by one event or announcement ({@code sourceId}). There is at most
 * one per (source, channel, buyer): that is how a redelivered event sends nothing new.
 *
 * @param recipient the address when known when the message was planned; an email may be learnt later
 * @param payload   the JSON the message is rendered from (the event's payload, or the announcement)
 */
public record Delivery(UUID id, UUID sourceId, Channel channel, UUID buyerId, MessageKind kind, Lane lane,
        @Nullable String recipient, Locale locale, String payload, DeliveryStatus status, int attempts,
        Instant nextAttemptAt, @Nullable String lastError, @Nullable String providerId, Instant createdAt,
        @Nullable Instant sentAt) {
}
