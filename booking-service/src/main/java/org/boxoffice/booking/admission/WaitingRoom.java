package org.boxoffice.booking.admission;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An event's waiting room setting.
 *
 * @param enabled           whether holds on the event need an admission pass
 * @param mode              a fixed admission rate, or {@link AdmissionMode#AUTO} within the bounds
 * @param ratePerMinute     buyers let in per minute (AUTO: the rate it starts at)
 * @param minRatePerMinute  AUTO never goes below this (FIXED: the rate)
 * @param maxRatePerMinute  AUTO never goes above this (FIXED: the rate)
 * @param opensBefore       how long before the sale opens buyers may take a place; those who come before the sale
 *                          opens are shuffled when it does
 * @param passLifetime      how long an admitted buyer's pass opens holds
 */
public record WaitingRoom(UUID eventId, boolean enabled, AdmissionMode mode, int ratePerMinute, int minRatePerMinute,
        int maxRatePerMinute, Duration opensBefore, Duration passLifetime, Instant updatedAt) {

    static final int MAX_RATE = 100_000;
    static final Duration MAX_OPENS_BEFORE = Duration.ofDays(1);
    static final Duration MIN_PASS = Duration.ofMinutes(1);
    static final Duration MAX_PASS = Duration.ofHours(1);

    public WaitingRoom {
        if (mode == AdmissionMode.FIXED) {
            minRatePerMinute = ratePerMinute;
            maxRatePerMinute = ratePerMinute;
        }
        if (ratePerMinute < 1 || ratePerMinute > MAX_RATE) {
            throw new InvalidWaitingRoom("ratePerMinute", "The admission rate must be between 1 and " + MAX_RATE
                    + " buyers per minute.");
        }
        if (minRatePerMinute < 1 || minRatePerMinute > ratePerMinute) {
            throw new InvalidWaitingRoom("minRatePerMinute", "The lowest rate must be between 1 and the starting rate.");
        }
        if (maxRatePerMinute < ratePerMinute || maxRatePerMinute > MAX_RATE) {
            throw new InvalidWaitingRoom("maxRatePerMinute", "The highest rate must be between the starting rate and "
                    + MAX_RATE + ".");
        }
        if (opensBefore.isNegative() || opensBefore.compareTo(MAX_OPENS_BEFORE) > 0) {
            throw new InvalidWaitingRoom("opensMinutesBeforeSale", "The queue opens between 0 and 1,440 minutes before the sale.");
        }
        if (passLifetime.compareTo(MIN_PASS) < 0 || passLifetime.compareTo(MAX_PASS) > 0) {
            throw new InvalidWaitingRoom("passMinutes", "A pass lasts between 1 and 60 minutes.");
        }
    }

    /** No waiting room: what an event without a setting has. */
    static WaitingRoom none(UUID eventId, Instant now) {
        return new WaitingRoom(eventId, false, AdmissionMode.AUTO, 300, 60, 3_000, Duration.ofMinutes(30),
                Duration.ofMinutes(10), now);
    }
}
