package org.boxoffice.platform.events;

import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.jspecify.annotations.Nullable;

/**
 * Carries the W3C trace context across the stream hop, so that one purchase can be followed from the request that
 * held the seats to the email that sent the tickets.
 */
final class TraceParents {

    private final @Nullable Tracer tracer;

    TraceParents(@Nullable Tracer tracer) {
        this.tracer = tracer;
    }

    @Nullable String current() {
        if (tracer == null) {
            return null;
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return null;
        }
        return "00-" + context.traceId() + "-" + context.spanId() + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }

    /** Runs {@code work} in a consumer span that continues the trace of {@code traceParent}, when there is one. */
    <T> T continueTrace(@Nullable String traceParent, String name, Supplier<T> work) {
        if (tracer == null) {
            return work.get();
        }
        Span.Builder builder = tracer.spanBuilder().name(name).kind(Span.Kind.CONSUMER);
        String[] parts = traceParent == null ? new String[0] : traceParent.split("-");
        if (parts.length == 4) {
            builder.setParent(tracer.traceContextBuilder().traceId(parts[1]).spanId(parts[2])
                    .sampled("01".equals(parts[3])).build());
        }
        Span span = builder.start();
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
