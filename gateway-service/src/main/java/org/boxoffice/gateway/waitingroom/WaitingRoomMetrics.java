package org.boxoffice.gateway.waitingroom;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The waiting rooms' Prometheus metrics, tagged with the event: {@code boxoffice_waiting_room_waiting} and
 * {@code _rate_per_minute} (gauges, the same on every replica: take the max), {@code _joined_total},
 * {@code _admitted_total}, {@code _abandoned_total}, {@code _left_total}, {@code _wait_seconds} (histogram of the
 * admitted buyers' waits), {@code _rate_adjustments_total} (by verdict); and, untagged by event,
 * {@code _passes_checked_total} (by outcome) and {@code _unavailable_total} (answers refused because Redis was
 * unreachable). Counters are per replica: sum them.
 */
@Component
class WaitingRoomMetrics {

    private record Snapshot(long waiting, int ratePerMinute) {
    }

    private final MeterRegistry meters;
    private final Map<UUID, Snapshot> snapshots = new ConcurrentHashMap<>();

    WaitingRoomMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void joined(UUID eventId) {
        counter("boxoffice.waiting.room.joined", eventId, "Places taken in a waiting room").increment();
    }

    void left(UUID eventId) {
        counter("boxoffice.waiting.room.left", eventId, "Places given up by their buyers").increment();
    }

    /** A buyer let in as they joined: nobody waiting, and admissions owed. */
    void admittedAtOnce(UUID eventId) {
        counter("boxoffice.waiting.room.admitted", eventId, "Buyers let in").increment();
        waits(eventId).record(Duration.ZERO);
    }

    void ticked(UUID eventId, QueueStore.Tick tick) {
        if (tick.admitted() > 0) {
            counter("boxoffice.waiting.room.admitted", eventId, "Buyers let in").increment(tick.admitted());
            Timer waits = waits(eventId);
            tick.waitsMillis().forEach(wait -> waits.record(Duration.ofMillis(wait)));
        }
        if (tick.abandoned() > 0) {
            counter("boxoffice.waiting.room.abandoned", eventId, "Places skipped: the buyer stopped polling")
                    .increment(tick.abandoned());
        }
        if (snapshots.put(eventId, new Snapshot(tick.waiting(), tick.ratePerMinute())) == null) {
            Gauge.builder("boxoffice.waiting.room.waiting", snapshots, all -> all.getOrDefault(eventId,
                    new Snapshot(0, 0)).waiting()).tag("event", eventId.toString())
                    .description("Places in the queue not yet let in").register(meters);
            Gauge.builder("boxoffice.waiting.room.rate.per.minute", snapshots, all -> all.getOrDefault(eventId,
                    new Snapshot(0, 0)).ratePerMinute()).tag("event", eventId.toString())
                    .description("Current admission rate").register(meters);
        }
    }

    void adjusted(UUID eventId, AdmissionRate.Verdict verdict) {
        Counter.builder("boxoffice.waiting.room.rate.adjustments").tag("event", eventId.toString())
                .tag("verdict", verdict.name().toLowerCase(java.util.Locale.ROOT))
                .description("AUTO rate decisions").register(meters).increment();
    }

    void passChecked(String outcome) {
        Counter.builder("boxoffice.waiting.room.passes.checked").tag("outcome", outcome)
                .description("Admission passes checked on holds for events with a waiting room").register(meters)
                .increment();
    }

    void unavailable() {
        Counter.builder("boxoffice.waiting.room.unavailable")
                .description("Waiting room answers refused because Redis could not be reached").register(meters)
                .increment();
    }

    private Timer waits(UUID eventId) {
        return Timer.builder("boxoffice.waiting.room.wait").tag("event", eventId.toString())
                .description("How long admitted buyers waited in the queue").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(2))
                .register(meters);
    }

    private Counter counter(String name, UUID eventId, String description) {
        return Counter.builder(name).tag("event", eventId.toString()).description(description).register(meters);
    }
}
