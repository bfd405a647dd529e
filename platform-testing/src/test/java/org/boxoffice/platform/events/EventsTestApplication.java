package org.boxoffice.platform.events;

import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** A minimal service that produces and consumes its own events, to exercise the bus end to end. */
@SpringBootApplication
class EventsTestApplication {

    static final AtomicReference<String> lastHandledTraceId = new AtomicReference<>();

    @Bean
    EventHandler recordingHandler(JdbcTemplate jdbc, Tracer tracer) {
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
                jdbc.update("INSERT INTO effect (event_id, type) VALUES (?, ?)", event.id(), event.type());
                if (event.type().equals("Poison")) {
                    throw new IllegalStateException("cannot digest " + event.key());
                }
            }
        };
    }
}
