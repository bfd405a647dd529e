package org.boxoffice.platform.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** A minimal service that produces and consumes its own events, to exercise the bus end to end. */
@SpringBootApplication
class EventsTestApplication {

    static final AtomicReference<String> lastHandledTraceId = new AtomicReference<>();
    /** The trace fields the handler would pass on to its own calls (its propagator injecting the current context). */
    static final AtomicReference<Map<String, String>> lastHandledContext = new AtomicReference<>(Map.of());

    @Bean
    EventHandler recordingHandler(JdbcTemplate jdbc, Tracer tracer, Propagator propagator) {
        return new EventHandler() {
            @Override
            public String producer() {
                return "events-it";
            }

            @Override
            public Set<String> types() {
                return Set.of("SeatHeld", "Poison");
            }

            @Override
            public void handle(EventEnvelope event) {
                TraceContext context = tracer.currentTraceContext().context();
                lastHandledTraceId.set(context == null ? null : context.traceId());
                Map<String, String> fields = new HashMap<>();
                if (context != null) {
                    propagator.inject(context, fields, Map::put);
                }
                lastHandledContext.set(fields);
                jdbc.update("INSERT INTO effect (event_id, type) VALUES (?, ?)", event.id(), event.type());
                if (event.type().equals("Poison")) {
                    throw new IllegalStateException("cannot digest " + event.key());
                }
            }
        };
    }
}
