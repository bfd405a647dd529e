package org.boxoffice.booking.system;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Positive;

/**
 * booking-service's own settings ({@code boxoffice.booking.*}).
 *
 * @param lockWait how long a hold waits for the seat locks before answering that the seats are taken
 * @param lockLease how long a seat lock lives if its holder dies; the database fence keeps seats safe past it
 * @param sweepInterval how often expired holds and unpaid orders are released
 * @param sweepBatch how many expired holds one sweep claims at a time
 * @param availabilityTtl how long a cached availability snapshot is trusted before it is rebuilt from the database
 * @param paymentWindow how long a checked-out order keeps its seats while it waits for payment
 * @param listingTtl how long a replica answers buyers' reads of an event (and the hold path's sale-window check)
 *        from memory before it reads the event again: a change by an organizer reaches every replica within it
 * @param cacheRecoveryInterval how often availability that could not be written while Redis was unreachable is
 *        rebuilt, once Redis answers again
 * @param ticketSigningKey secret (at least 32 characters) that signs ticket QR payloads with HMAC-SHA256
 *        ({@code BOXOFFICE_TICKET_SIGNING_KEY}); when empty, a random key is generated once and kept in the database
 *        so every replica of the local run signs alike
 */
@Validated
@ConfigurationProperties("boxoffice.booking")
public record BookingProperties(
        @DurationMin(millis = 0) @DefaultValue("150ms") Duration lockWait,
        @DurationMin(millis = 1) @DefaultValue("5s") Duration lockLease,
        @DurationMin(millis = 1) @DefaultValue("1s") Duration sweepInterval,
        @DefaultValue("200") @Positive int sweepBatch,
        @DurationMin(millis = 1) @DefaultValue("60s") Duration availabilityTtl,
        @DurationMin(millis = 1) @DefaultValue("15m") Duration paymentWindow,
        @DurationMin(millis = 0) @DefaultValue("2s") Duration listingTtl,
        @DurationMin(millis = 1) @DefaultValue("1s") Duration cacheRecoveryInterval,
        @Nullable String ticketSigningKey) {
}
