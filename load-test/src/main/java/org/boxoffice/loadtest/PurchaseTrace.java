package org.boxoffice.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * One purchase as one trace: the buyer's client starts a sampled W3C trace and sends it with every step of the
 * purchase (hold, checkout, payment), as a browser with OpenTelemetry's fetch instrumentation would; the services,
 * exporting over OTLP to {@link TraceCollector}, must then show that trace id at every hop of the sale, each span
 * the child of a span of the service that caused it:
 *
 * <ol>
 *   <li>the gateway receives the buyer's request;</li>
 *   <li>gateway → booking-service: the checkout ({@code POST /api/v1/orders});</li>
 *   <li>booking → outbox → stream → a consumer: {@code OrderPlaced} consumed in the checkout's trace;</li>
 *   <li>gateway → payment-service: the payment ({@code POST /api/v1/payments});</li>
 *   <li>payment → booking: the order lookup, a child of payment-service's client span;</li>
 *   <li>the sandbox provider's webhook back into payment-service, sent from the queued charge's context;</li>
 *   <li>payment → outbox → stream → booking: {@code PaymentSucceeded} consumed by booking-service;</li>
 *   <li>booking → outbox → stream → notification: {@code OrderConfirmed} consumed by notification-service;</li>
 *   <li>notification sends the tickets ({@code deliver TICKETS EMAIL}), in the context of that event.</li>
 * </ol>
 */
final class PurchaseTrace {

    /** A span as {@link TraceCollector} wrote it. */
    record Span(String spanId, String parentSpanId, String service, String kind, String name) {

        @Override
        public String toString() {
            return service + " " + kind + " '" + name + "' " + spanId + " (parent " + parentSpanId + ")";
        }
    }

    /** A hop: a span that must be in the trace, and the service whose span must be its parent (null: any or none). */
    record Hop(String description, Predicate<Span> span, String parentService) { }

    static final List<Hop> HOPS = List.of(
            new Hop("buyer -> gateway-service", s -> s.service().equals("gateway-service") && s.kind().equals("SERVER"),
                    null),
            new Hop("gateway -> booking-service: POST /api/v1/orders (checkout)",
                    server("booking-service", "http post /api/v1/orders"), "gateway-service"),
            new Hop("booking -> outbox -> stream -> consumer: OrderPlaced", s -> s.name().equals("consume OrderPlaced"),
                    "booking-service"),
            new Hop("gateway -> payment-service: POST /api/v1/payments",
                    server("payment-service", "http post /api/v1/payments"), "gateway-service"),
            new Hop("payment -> booking-service: the order lookup",
                    server("booking-service", "http get /api/v1/orders/"), "payment-service"),
            new Hop("sandbox webhook -> payment-service", server("payment-service", "http post /api/v1/webhooks/"),
                    "payment-service"),
            new Hop("payment -> outbox -> stream -> booking-service: PaymentSucceeded",
                    s -> s.service().equals("booking-service") && s.name().equals("consume PaymentSucceeded"),
                    "payment-service"),
            new Hop("booking -> outbox -> stream -> notification-service: OrderConfirmed",
                    s -> s.service().equals("notification-service") && s.name().equals("consume OrderConfirmed"),
                    "booking-service"),
            new Hop("notification-service sends the tickets",
                    s -> s.service().equals("notification-service") && s.name().equals("deliver TICKETS EMAIL"),
                    "notification-service"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final String traceId = random(16);

    String traceId() {
        return traceId;
    }

    /** A {@code traceparent} of this trace, sampled, from a new client span of the buyer's. */
    String traceparent() {
        return "00-" + traceId + "-" + random(8) + "-01";
    }

    /**
     * Waits until the spans in {@code file} show every hop of {@link #HOPS} in this trace (spans are exported in
     * batches, a few seconds after they end); the hops still missing after {@code timeout}, else an empty list.
     */
    List<String> missingHops(Path file, Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<Span> spans = spans(file);
            List<String> missing = missing(spans);
            if (missing.isEmpty() || Instant.now().isAfter(deadline)) {
                return missing;
            }
            Thread.sleep(1000);
        }
    }

    /** This trace's spans in {@code file}, in the order they were exported. */
    List<Span> spans(Path file) throws IOException {
        List<Span> spans = new ArrayList<>();
        if (!Files.exists(file)) {
            return spans;
        }
        for (String line : Files.readAllLines(file)) {
            JsonNode span;
            try {
                span = JSON.readTree(line);
            } catch (com.fasterxml.jackson.core.JsonProcessingException cutShort) {
                // The collector is writing this line as it is read; it is complete on the next read.
                continue;
            }
            if (traceId.equals(span.path("traceId").asText())) {
                spans.add(new Span(span.path("spanId").asText(), span.path("parentSpanId").asText(),
                        span.path("service").asText(), span.path("kind").asText(), span.path("name").asText()));
            }
        }
        return spans;
    }

    /** The hops of {@link #HOPS} that {@code spans} do not show, with a span whose parent is the named service's. */
    static List<String> missing(List<Span> spans) {
        Map<String, Span> byId = new LinkedHashMap<>();
        spans.forEach(span -> byId.put(span.spanId(), span));
        List<String> missing = new ArrayList<>();
        for (Hop hop : HOPS) {
            boolean shown = spans.stream().filter(hop.span()).anyMatch(span -> {
                Span parent = byId.get(span.parentSpanId());
                return hop.parentService() == null || parent != null && parent.service().equals(hop.parentService());
            });
            if (!shown) {
                missing.add(hop.description());
            }
        }
        return missing;
    }

    private static Predicate<Span> server(String service, String namePrefix) {
        return span -> span.service().equals(service) && span.kind().equals("SERVER")
                && span.name().toLowerCase(java.util.Locale.ROOT).startsWith(namePrefix);
    }

    private static String random(int bytes) {
        byte[] id = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(id);
        } while (HEX.formatHex(id).chars().allMatch(c -> c == '0'));
        return HEX.formatHex(id);
    }
}
