package org.boxoffice.platform.testing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Feeds every operation of a service's OpenAPI document malformed, oversized and boundary input, with a valid token
 * of each relevant kind, and checks that the service answers each with less than a 500, every 4xx as an RFC 9457
 * problem with a {@code type} and without internals, and that a request refused for its input changed no data.
 *
 * <p>For each operation (every path and method of {@code /v3/api-docs}, except {@code /error} and actuator):
 * <ul>
 *   <li>path parameters: not a UUID, empty-ish, 10 kB, {@code %00}, negative and huge numbers, {@code ../}, unicode,
 *   invalid UTF-8;</li>
 *   <li>query parameters (an object parameter such as a pageable is expanded into its members): wrong types,
 *   negative, 0, int and long overflow, huge page sizes, bad enums, bad dates, 10 kB, repeated, unknown ones;</li>
 *   <li>bodies: invalid, truncated and deeply nested JSON, JSON of the wrong shape, {@code {}}, each field (down to
 *   nested objects and array items) set to null, the wrong type, boundary numbers (0, -1, 2^31, 2^63, 1e309,
 *   {@code "NaN"}), empty and 100 kB strings, a bad enum or date, unknown fields, a body over the size limit
 *   (413), the wrong or a malformed {@code Content-Type} (415), no body;</li>
 *   <li>headers: bad {@code Idempotency-Key}, {@code If-None-Match}, {@code Accept} and {@code Authorization}, and
 *   each documented header parameter empty, 10 kB and malformed.</li>
 * </ul>
 * Every input but the one under test is valid (built from the schema), so each request gets as far into the
 * service as its one bad value lets it. Failures are collected, not thrown: one run reports all of them, each naming
 * the operation, the input and the response.
 *
 * <p>No data changed: for a mutating request answered 400, 405, 406, 413 or 415 — refused for its input by the shared
 * problem handling, which runs before any write — the {@code dataFingerprint} (row counts and newest row versions of
 * the service's own tables) must be the same after it as before.
 */
public final class InputFuzz {

    /** A kind of caller and a token the service accepts for it. */
    public record Caller(String kind, String token) {
    }

    private final FuzzSchema schemas;
    private final FuzzProbes probes;
    private final FuzzAnswers answers;
    private final JsonNode document;

    /**
     * @param document        the service's OpenAPI document
     * @param base            where the service listens ({@code http://127.0.0.1:port})
     * @param callers         tokens of each kind the service knows (buyer, organizer, admin), most privileged last
     * @param bodyLimit       the service's request body limit in bytes
     * @param dataFingerprint a summary of the service's data that changes whenever a row does, or null without data
     */
    public InputFuzz(JsonNode document, URI base, List<Caller> callers, long bodyLimit,
            @Nullable Supplier<String> dataFingerprint) {
        if (callers.isEmpty()) {
            throw new IllegalArgumentException("at least one caller");
        }
        this.document = document;
        this.schemas = new FuzzSchema(document);
        this.probes = new FuzzProbes(schemas, List.copyOf(callers), bodyLimit);
        this.answers = new FuzzAnswers(base, dataFingerprint);
    }

    /** How long a request may go unanswered before it counts as a failure (no response); 30 s unless set. */
    public InputFuzz timeout(Duration timeout) {
        answers.timeout(timeout);
        return this;
    }

    /** Sends every input to every operation; records each broken promise in {@code softly}. Returns the request count. */
    public int run(SoftAssertions softly) {
        long started = System.nanoTime();
        List<Operation> operations = operations();
        softly.assertThat(operations).as("operations documented in /v3/api-docs").isNotEmpty();
        for (Operation operation : operations) {
            for (ProbeBuilder.Probe probe : probes.probes(operation)) {
                answers.send(operation, probe, softly);
            }
        }
        System.out.printf("InputFuzz: %d requests to %d operations in %d s%n", answers.requests(), operations.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return answers.requests();
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            if (path.getKey().equals("/error") || path.getKey().startsWith("/actuator")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                String verb = method.getKey().toUpperCase(Locale.ROOT);
                if (List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(verb)) {
                    operations.add(new Operation(verb, path.getKey(), method.getValue()));
                }
            }
        }
        return operations;
    }

    /** One documented operation. */
    public final class Operation {

        final String method;
        final String template;
        final List<Parameter> parameters = new ArrayList<>();
        final @Nullable JsonNode bodySchema;
        final String bodyType;

        Operation(String method, String template, JsonNode spec) {
            this.method = method;
            this.template = template;
            for (JsonNode parameter : spec.path("parameters")) {
                JsonNode resolved = schemas.resolve(parameter);
                JsonNode schema = schemas.resolve(resolved.path("schema"));
                String in = resolved.path("in").asString();
                if (in.equals("query") && FuzzSchema.isObject(schema) && schema.path("properties").size() > 0) {
                    // An object bound from the query string (a pageable): its members are the real parameters.
                    for (Map.Entry<String, JsonNode> member : schema.path("properties").properties()) {
                        parameters.add(new Parameter(member.getKey(), in, false, schemas.resolve(member.getValue())));
                    }
                } else {
                    parameters.add(new Parameter(resolved.path("name").asString(), in,
                            resolved.path("required").asBoolean(false), schema));
                }
            }
            JsonNode content = schemas.resolve(spec.path("requestBody")).path("content");
            Iterator<Map.Entry<String, JsonNode>> types = content.properties().iterator();
            if (types.hasNext()) {
                Map.Entry<String, JsonNode> first = types.next();
                bodyType = first.getKey();
                bodySchema = schemas.resolve(first.getValue().path("schema"));
            } else {
                bodyType = "application/json";
                bodySchema = null;
            }
        }

        boolean adminPath() {
            return template.startsWith("/api/v1/admin/");
        }

        boolean mutating() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    record Parameter(String name, String in, boolean required, JsonNode schema) {
    }
}
