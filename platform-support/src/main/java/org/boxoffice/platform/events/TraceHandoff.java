package org.boxoffice.platform.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries the trace context across a hop that goes through storage — the event stream (outbox, relay, consumer), a
 * queued webhook — with the service's own Micrometer {@link Propagator} (W3C {@code traceparent}, {@code tracestate}
 * and {@code baggage} by default, whatever {@code management.tracing.propagation} chooses), so that one purchase can
 * be followed from the request that held the seats to the email that sent the tickets, with the same context an HTTP
 * hop would carry. Store {@link #current()} with the work; run the work later inside {@link #continueTrace}.
 */
public final class TraceHandoff {

    static final int MAX_FIELD = 8192;

    private final Tracer tracer;
    private final Propagator propagator;

    /** {@link Tracer#NOOP} and {@link Propagator#NOOP} when the service has no tracing. */
    public TraceHandoff(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * The propagation fields of the current span, empty when there is none. A field longer than {@value #MAX_FIELD}
     * characters (W3C's limit for {@code baggage}) is left out, so whatever a caller sends, a stored event or job
     * grows by a bounded amount; the trace itself still continues through {@code traceparent}.
     */
    public Map<String, String> current() {
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return Map.of();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        propagator.inject(context, fields, (carrier, name, value) -> {
            if (value.length() <= MAX_FIELD) {
                carrier.put(name, value);
            }
        });
        return fields;
    }

    /** The stream fields this service's propagator reads and writes. */
    List<String> fields() {
        return propagator.fields();
    }

    /**
     * Runs {@code work} in a consumer span that continues the trace carried by {@code fields} (a new trace when they
     * carry none), with the baggage they carry in scope.
     */
    public <T> T continueTrace(Map<String, String> fields, String name, Supplier<T> work) {
        if (tracer == Tracer.NOOP) {
            return work.get();
        }
        Span span = propagator.extract(fields, Map::get).name(name).kind(Span.Kind.CONSUMER).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
