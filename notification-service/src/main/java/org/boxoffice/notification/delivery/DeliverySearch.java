package org.boxoffice.notification.delivery;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Filters of the delivery log; a null filter matches everything. */
public record DeliverySearch(@Nullable DeliveryStatus status, @Nullable Channel channel, @Nullable UUID sourceId,
        @Nullable UUID buyerId) {
}
