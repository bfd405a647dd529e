package org.boxoffice.platform.events;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** A minimal service that produces and consumes its own events, to exercise the bus end to end. */
@SpringBootApplication
class EventsTestApplication {

    static final AtomicReference<String> lastHandledTraceId = new AtomicReference<>();
    /** The trace fields the handler would pass on to its own calls (its propagator injecting the current context). */
    static final AtomicReference<Map<String, String>> lastHandledContext = new AtomicReference<>(Map.of());

    /** The consumer's copies of its events: a seat held, and one no handler can digest. */
    record SeatHeld(@Nullable String seat, @Nullable Integer row) {
    }

    record Poison(@Nullable String seat) {
    }

    /** Read by a second handler of the same stream. */
    record SeatReleased(String seat, String reason) {
    }

    @Bean
    EventHandler recordingHandler(JdbcTemplate jdbc, Tracer tracer, Propagator propagator) {
        return new EventHandler("events-it") {
            {
                on(SeatHeld.class, (held, event) -> {
                    remember(tracer, propagator);
                    effect(jdbc, event.id(), "SeatHeld", held.seat() + (held.row() == null ? "" : "/" + held.row()));
                });
                on(Poison.class, (poison, event) -> {
                    effect(jdbc, event.id(), "Poison", poison.seat());
                    throw new IllegalStateException("cannot digest " + event.key());
                });
            }
        };
    }

    @Bean
    EventHandler releasingHandler(JdbcTemplate jdbc) {
        return new EventHandler("events-it") {
            {
                on(SeatReleased.class, (released, event) -> effect(jdbc, event.id(), "SeatReleased",
                        released.seat() + " " + released.reason()));
            }
        };
    }

    private static void remember(Tracer tracer, Propagator propagator) {
        TraceContext context = tracer.currentTraceContext().context();
        lastHandledTraceId.set(context == null ? null : context.traceId());
        Map<String, String> fields = new HashMap<>();
        if (context != null) {
            propagator.inject(context, fields, Map::put);
        }
        lastHandledContext.set(fields);
    }

    private static void effect(JdbcTemplate jdbc, UUID eventId, String type, @Nullable String detail) {
        jdbc.update("INSERT INTO effect (event_id, type, detail) VALUES (?, ?, ?)", eventId, type, detail);
    }
}
