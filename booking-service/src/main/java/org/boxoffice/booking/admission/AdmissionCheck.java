package org.boxoffice.booking.admission;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.boxoffice.booking.event.EventService;
import org.boxoffice.platform.admission.AdmissionPasses;
import org.boxoffice.platform.admission.PassKeyProperties;
import org.boxoffice.platform.flags.FlagContext;
import org.boxoffice.platform.flags.Flags;
import org.boxoffice.platform.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The waiting room's fence in booking-service: a hold on an event whose waiting room is on needs an admission pass
 * signed by the gateway, unexpired, issued to the caller's account for that event. booking-service decides this from
 * its own database (the setting, cached for two seconds per event), not from anything the request or Redis says, so
 * a request that bypasses the gateway cannot skip the queue; without a pass key nothing is let through.
 *
 * <p>The flag {@value #FLAG} (docs/feature-flags.md) can switch a room off for an event, an organization or everyone
 * without touching the organizer's setting; the gateway reads the same flag, so both let such holds through.
 */
@Component
@EnableConfigurationProperties(PassKeyProperties.class)
public class AdmissionCheck {

    private static final Logger log = LoggerFactory.getLogger(AdmissionCheck.class);
    private static final Duration CACHED = Duration.ofSeconds(2);
    /** The waiting room on/off switch, the same flag the gateway reads. */
    public static final String FLAG = "waiting-room";

    private record Cached(boolean protectedEvent, long until) {
    }

    private final WaitingRooms rooms;
    private final @Nullable AdmissionPasses passes;
    private final Clock clock;
    private final MeterRegistry meters;
    private final EventService events;
    private final Flags flags;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    AdmissionCheck(WaitingRooms rooms, PassKeyProperties keys, Clock clock, MeterRegistry meters, EventService events,
            Flags flags) {
        this.rooms = rooms;
        this.events = events;
        this.flags = flags;
        this.passes = AdmissionPasses.from(keys).orElse(null);
        this.clock = clock;
        this.meters = meters;
        if (passes == null) {
            log.warn("No waiting room pass key (BOXOFFICE_WAITING_ROOM_PASS_KEY): holds on events with a waiting "
                    + "room will be refused");
        }
    }

    /**
     * Refuses the hold unless the event has no waiting room or {@code pass} opens it for {@code buyerId}.
     *
     * @throws PassRequired       no pass given
     * @throws PassInvalid        the pass is expired, someone else's, another event's or not ours
     * @throws PassesUnavailable  this service has no pass key
     */
    public void require(UUID buyerId, UUID eventId, @Nullable String pass) {
        if (!protectedEvent(eventId) || !flags.isOn(FLAG, context(buyerId, eventId))) {
            return;
        }
        if (passes == null) {
            count("unavailable");
            throw new PassesUnavailable();
        }
        if (pass == null || pass.isBlank()) {
            count("missing");
            throw new PassRequired(eventId);
        }
        AdmissionPasses.Check check = passes.check(pass.strip(), buyerId, eventId, clock.instant());
        count(check.slug());
        if (check != AdmissionPasses.Check.VALID) {
            throw new PassInvalid(eventId, check);
        }
    }

    private FlagContext context(UUID buyerId, UUID eventId) {
        UUID organization;
        try {
            organization = events.listing(eventId).event().organizationId();
        } catch (RuntimeException notListed) {
            // No such listed event: the hold itself answers that; the flag is decided on the event alone.
            organization = null;
        }
        FlagContext context = FlagContext.account(buyerId).event(organization, eventId);
        return CurrentUser.find().map(user -> context.roles(user.roles())).orElse(context);
    }

    /** Drops the cached setting of an event whose setting this replica just changed. */
    void forget(UUID eventId) {
        cache.remove(eventId);
    }

    private boolean protectedEvent(UUID eventId) {
        long now = System.nanoTime();
        Cached cached = cache.get(eventId);
        if (cached != null && cached.until() - now > 0) {
            return cached.protectedEvent();
        }
        boolean on = rooms.find(eventId).map(WaitingRoom::enabled).orElse(false);
        cache.put(eventId, new Cached(on, now + CACHED.toNanos()));
        if (cache.size() > 10_000) {
            cache.entrySet().removeIf(entry -> entry.getValue().until() - now <= 0);
        }
        return on;
    }

    private void count(String outcome) {
        Counter.builder("boxoffice.waiting.room.passes.checked").tag("outcome", outcome)
                .description("Admission passes checked on holds for events with a waiting room").register(meters)
                .increment();
    }
}
