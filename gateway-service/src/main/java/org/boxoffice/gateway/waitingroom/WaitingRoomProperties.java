package org.boxoffice.gateway.waitingroom;

import java.time.Duration;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;

/**
 * The gateway's waiting room settings ({@code boxoffice.gateway.waiting-room.*}). Which events have a waiting room,
 * and their rates, are the organizers' (booking-service); these are how the gateway runs the queues.
 *
 * @param tickInterval         how often each replica lets the next buyers in (every replica does; the rate is shared)
 * @param tickerAutoStartup    whether the admission ticker runs (tests drive it by hand)
 * @param settingsCacheTtl     how long a replica trusts the event settings it read from Redis
 * @param redisTimeout         a queue operation Redis has not answered by then fails closed (503)
 * @param minPoll              shortest poll interval given to a waiting buyer ({@code Retry-After})
 * @param maxPoll              longest poll interval while the queue is short; buyers far back poll this rarely
 * @param pollBudget           polls per second a whole queue may cost from its buyers far back: beyond
 *                             {@code pollBudget × maxPoll} places the longest interval grows with the queue
 * @param maxPollUnderLoad     the longest interval however long the queue
 * @param idleTimeout          a buyer this much overdue (past the time they were told to ask again) when their turn
 *                             comes has left: their place is skipped
 * @param maxTickGap           admissions owed for at most this much time after a pause in ticking (all replicas down)
 * @param maxAdmissionsPerTick places one tick looks at, at most (bounds the time a tick holds Redis)
 * @param auto                 the AUTO mode's controller
 */
@Validated
@ConfigurationProperties("boxoffice.gateway.waiting-room")
public record WaitingRoomProperties(
        @DurationMin(millis = 1) @DefaultValue("1s") Duration tickInterval,
        @DefaultValue("true") boolean tickerAutoStartup,
        @DurationMin(millis = 0) @DefaultValue("5s") Duration settingsCacheTtl,
        @DurationMin(millis = 1) @DefaultValue("500ms") Duration redisTimeout,
        @DurationMin(seconds = 1) @DefaultValue("2s") Duration minPoll,
        @DefaultValue("30s") Duration maxPoll,
        @DefaultValue("50") @Positive int pollBudget,
        @DefaultValue("5m") Duration maxPollUnderLoad,
        @DefaultValue("2m") Duration idleTimeout,
        @DurationMin(millis = 1) @DefaultValue("5s") Duration maxTickGap,
        @DefaultValue("2000") @Positive int maxAdmissionsPerTick,
        @DefaultValue @Valid Auto auto) {

    public WaitingRoomProperties {
        if (minPoll.compareTo(Duration.ofSeconds(1)) < 0 || maxPoll.compareTo(minPoll) < 0) {
            throw new IllegalArgumentException("waiting-room poll intervals: 1 s <= min-poll <= max-poll");
        }
        if (pollBudget < 1 || maxPollUnderLoad.compareTo(maxPoll) < 0) {
            throw new IllegalArgumentException("waiting-room poll-budget >= 1 and max-poll-under-load >= max-poll");
        }
        if (idleTimeout.compareTo(minPoll.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("waiting-room idle-timeout must be at least twice min-poll, or buyers "
                    + "a little late on a busy network would lose their place");
        }
    }

    /**
     * Additive increase, multiplicative decrease of an AUTO room's rate, from what this gateway measures of the
     * requests it routes. Every {@code adjustInterval} one replica (whichever takes the turn in Redis) looks at the
     * last interval: overloaded when more than {@code maxErrorShare} of the requests failed (5xx or no answer), more
     * than {@code maxSlowRequestShare} of the requests took longer than {@code requestLatencyTarget} (what an admitted
     * buyer waits for a page of the purchase), more than {@code maxSlowHoldShare} of the holds took longer than
     * {@code holdLatencyTarget}, or more than {@code maxInFlight} requests were in progress at once. Overloaded: rate × {@code decreaseFactor}; healthy with
     * buyers waiting: rate + {@code increasePerMinute}; always within the organizer's bounds.
     *
     * @param minSample      requests (holds) an interval needs before its shares count
     * @param signalServices the routes (services) whose requests are measured: those an admitted buyer's purchase
     *                       runs on; a login storm refused by user-service before buyers queue is not the sale's load
     */
    public record Auto(
            @DurationMin(millis = 1) @DefaultValue("5s") Duration adjustInterval,
            @DefaultValue("30") @Positive int increasePerMinute,
            @DefaultValue("0.7") @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "1", inclusive = false) double decreaseFactor,
            @DurationMin(millis = 1) @DefaultValue("500ms") Duration holdLatencyTarget,
            @DefaultValue("0.05") @DecimalMin("0") @DecimalMax("1") double maxSlowHoldShare,
            @DurationMin(millis = 1) @DefaultValue("200ms") Duration requestLatencyTarget,
            @DefaultValue("0.05") @DecimalMin("0") @DecimalMax("1") double maxSlowRequestShare,
            @DefaultValue("0.01") @DecimalMin("0") @DecimalMax("1") double maxErrorShare,
            @DefaultValue("256") @Positive int maxInFlight,
            @DefaultValue("20") @Positive int minSample,
            @DefaultValue({ "booking-service", "payment-service" }) List<String> signalServices) {

        public Auto {
            if (decreaseFactor <= 0 || decreaseFactor >= 1 || increasePerMinute < 1) {
                throw new IllegalArgumentException("waiting-room auto: 0 < decrease-factor < 1, increase-per-minute >= 1");
            }
        }
    }
}
