package org.boxoffice.loadtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/**
 * A minimal OTLP/HTTP trace receiver for the local run: what an OpenTelemetry Collector (or Tempo, Jaeger) is to the
 * chart's {@code global.otel.endpoint}, this is to the smoke. The services export their spans to it exactly as in a
 * cluster ({@code MANAGEMENT_TRACING_EXPORT_ENABLED=true},
 * {@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}), and it appends one JSON object per span to a file ({@code traceId}, {@code spanId}, {@code parentSpanId},
 * {@code service} from the resource's {@code service.name}, {@code kind}, {@code name}, {@code attributes}), which
 * {@link PurchaseTrace} reads.
 *
 * <p>Usage: {@code TraceCollector <spans.jsonl> <endpoint-file>}: listens on a free loopback port and writes its
 * endpoint ({@code http://127.0.0.1:<port>/v1/traces}) to the endpoint file once it accepts requests. Protobuf bodies
 * only (what Spring Boot's exporter sends), plain or gzip; runs until killed.
 */
public final class TraceCollector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private final Writer spans;

    private TraceCollector(Writer spans) {
        this.spans = spans;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: TraceCollector <spans.jsonl> <endpoint-file>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        TraceCollector collector = new TraceCollector(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/v1/traces", collector::export);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
        Path written = Path.of(args[1] + ".tmp");
        Files.writeString(written, endpoint + "\n");
        Files.move(written, Path.of(args[1]), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println("trace collector: OTLP/HTTP on " + endpoint + ", spans to " + file);
    }

    private void export(HttpExchange exchange) throws IOException {
        try (exchange) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod()) || type == null
                    || !type.startsWith("application/x-protobuf")) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                request = ExportTraceServiceRequest.parseFrom(body);
            }
            write(request);
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
        }
    }

    private synchronized void write(ExportTraceServiceRequest request) throws IOException {
        for (ResourceSpans resource : request.getResourceSpansList()) {
            String service = resource.getResource().getAttributesList().stream()
                    .filter(attribute -> attribute.getKey().equals("service.name")).findFirst()
                    .map(attribute -> text(attribute.getValue())).orElse("");
            for (ScopeSpans scope : resource.getScopeSpansList()) {
                for (Span span : scope.getSpansList()) {
                    ObjectNode line = JSON.createObjectNode()
                            .put("traceId", HEX.formatHex(span.getTraceId().toByteArray()))
                            .put("spanId", HEX.formatHex(span.getSpanId().toByteArray()))
                            .put("parentSpanId", HEX.formatHex(span.getParentSpanId().toByteArray()))
                            .put("service", service)
                            .put("kind", span.getKind().name().replace("SPAN_KIND_", ""))
                            .put("name", span.getName());
                    ObjectNode attributes = line.putObject("attributes");
                    for (KeyValue attribute : span.getAttributesList()) {
                        attributes.put(attribute.getKey(), text(attribute.getValue()));
                    }
                    spans.write(JSON.writeValueAsString(line));
                    spans.write('\n');
                }
            }
        }
        spans.flush();
    }

    private static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
            case INT_VALUE -> Long.toString(value.getIntValue());
            case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
            default -> value.toString().strip();
        };
    }
}
