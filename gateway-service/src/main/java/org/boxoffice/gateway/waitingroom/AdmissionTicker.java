package org.boxoffice.gateway.waitingroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.boxoffice.platform.background.BackgroundTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lets buyers in. Every replica ticks every {@code tick-interval}, for every event whose waiting room is on: the
 * queue is drawn when the sale opens, then each tick admits the buyers owed for the time since the last one (rate ×
 * time, counted in Redis, so any number of replicas admit at the rate, not a multiple of it). For AUTO rooms, one
 * replica per {@code adjust-interval} moves the rate (additive increase, multiplicative decrease) from what it measured.
 */
@Component
class AdmissionTicker extends BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(AdmissionTicker.class);

    private final Rooms rooms;
    private final QueueStore store;
    private final PlatformSignals signals;
    private final WaitingRoomMetrics metrics;
    private final WaitingRoomProperties properties;
    private final Clock clock;
    private final Duration wait;

    AdmissionTicker(Rooms rooms, QueueStore store, PlatformSignals signals, WaitingRoomMetrics metrics,
            WaitingRoomProperties properties, Clock clock) {
        super("waiting-room-ticker", properties.tickInterval(), properties.tickerAutoStartup());
        this.rooms = rooms;
        this.store = store;
        this.signals = signals;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
        this.wait = properties.redisTimeout().multipliedBy(4);
    }

    @Override
    protected boolean runOnce() {
        Set<UUID> active = rooms.active().block(wait);
        boolean more = false;
        for (UUID eventId : active == null ? Set.<UUID>of() : active) {
            try {
                more |= tick(eventId);
            } catch (RuntimeException failure) {
                log.warn("Waiting room of event {}: tick failed: {}", eventId, failure.toString());
            }
        }
        return more;
    }

    /** One tick of one room; true when it stopped at the per-tick limit with more buyers owed. */
    boolean tick(UUID eventId) {
        Optional<RoomSettings> found = rooms.find(eventId).block(wait);
        if (found == null || found.isEmpty() || !found.get().enabled()) {
            return false;
        }
        RoomSettings room = found.get();
        Instant now = clock.instant();
        if (now.isBefore(room.opensAt()) || now.isAfter(room.offSaleAt().plus(properties.maxPoll()))) {
            return false;
        }
        QueueStore.Tick tick = store.tick(room, now).block(wait);
        if (tick != null && !tick.opened() && !now.isBefore(room.onSaleAt())) {
            Long drawn = store.draw(room, now).block(wait.multipliedBy(10));
            if (drawn != null && drawn >= 0) {
                log.info("Waiting room of event {} opened: {} early arrivals drawn", eventId, drawn);
            }
            tick = store.tick(room, now).block(wait);
        }
        if (tick == null || !tick.opened()) {
            return false;
        }
        metrics.ticked(eventId, tick);
        adjust(room, tick);
        return tick.admitted() + tick.abandoned() >= properties.maxAdmissionsPerTick();
    }

    private void adjust(RoomSettings room, QueueStore.Tick tick) {
        WaitingRoomProperties.Auto auto = properties.auto();
        Map<String, String> state = store.state(room.eventId()).block(wait);
        String mode = state == null ? null : state.get("mode");
        boolean automatic = mode == null ? room.auto() : "AUTO".equals(mode);
        if (!automatic || tick.paused() || tick.everyone()
                || !Boolean.TRUE.equals(store.claimAdjustment(room.eventId(), auto.adjustInterval()).block(wait))) {
            return;
        }
        AdmissionRate.Decision decision = AdmissionRate.next(tick.ratePerMinute(), room.minRatePerMinute(),
                room.maxRatePerMinute(), signals.window(auto.adjustInterval()), tick.waiting() > 0, auto);
        metrics.adjusted(room.eventId(), decision.verdict());
        if (decision.ratePerMinute() != tick.ratePerMinute()) {
            store.setState(room.eventId(), Map.of("rate", Integer.toString(decision.ratePerMinute())),
                    java.util.List.of()).block(wait);
            log.info("Waiting room of event {}: rate {} -> {} per minute ({})", room.eventId(), tick.ratePerMinute(),
                    decision.ratePerMinute(), decision.verdict());
        }
    }
}
