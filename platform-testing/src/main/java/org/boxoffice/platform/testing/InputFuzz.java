package org.boxoffice.platform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

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

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PLACEHOLDER = "__boxoffice_fuzz_value__";
    /** Stands for a new random key in each request: a reused key would replay the first answer instead. */
    private static final String FRESH_KEY = "__boxoffice_fresh_key__";
    private static final String KB10 = "a".repeat(10 * 1024);
    private static final String KB100 = "x".repeat(100 * 1024);
    /** Traces of internals in a problem's text; scanned over its first 2,000 characters (details may echo input). */
    private static final Pattern INTERNALS = Pattern.compile(
            "\\bat [a-z]{1,20}\\.[\\w.$]{1,200}\\(|\\b(java|javax|jakarta|org\\.springframework|org\\.hibernate"
                    + "|org\\.postgresql|tools\\.jackson|com\\.fasterxml|org\\.apache|reactor|io\\.netty)\\.[a-z]{1,30}\\."
                    + "|[A-Z][A-Za-z]{0,60}(Exception|Error)\\b|\\bSQL(State)?\\b|\\bstack ?trace\\b");
    private static final int MAX_BODY_SHOWN = 400;
    private static final int MAX_INPUT_SHOWN = 120;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonNode document;
    private final URI base;
    private final List<Caller> callers;
    private final long bodyLimit;
    private final @Nullable Supplier<String> dataFingerprint;
    private Duration timeout = Duration.ofSeconds(30);
    private int requests;

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
        this.base = base;
        this.callers = List.copyOf(callers);
        this.bodyLimit = bodyLimit;
        this.dataFingerprint = dataFingerprint;
    }

    /** How long a request may go unanswered before it counts as a failure (no response); 30 s unless set. */
    public InputFuzz timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Sends every input to every operation; records each broken promise in {@code softly}. Returns the request count. */
    public int run(SoftAssertions softly) {
        long started = System.nanoTime();
        List<Operation> operations = operations();
        softly.assertThat(operations).as("operations documented in /v3/api-docs").isNotEmpty();
        for (Operation operation : operations) {
            for (Probe probe : probes(operation)) {
                send(operation, probe, softly);
            }
        }
        System.out.printf("InputFuzz: %d requests to %d operations in %d s%n", requests, operations.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
        return requests;
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
                JsonNode resolved = resolve(parameter);
                JsonNode schema = resolve(resolved.path("schema"));
                String in = resolved.path("in").asString();
                if (in.equals("query") && isObject(schema) && schema.path("properties").size() > 0) {
                    // An object bound from the query string (a pageable): its members are the real parameters.
                    for (Map.Entry<String, JsonNode> member : schema.path("properties").properties()) {
                        parameters.add(new Parameter(member.getKey(), in, false, resolve(member.getValue())));
                    }
                } else {
                    parameters.add(new Parameter(resolved.path("name").asString(), in,
                            resolved.path("required").asBoolean(false), schema));
                }
            }
            JsonNode content = resolve(spec.path("requestBody")).path("content");
            Iterator<Map.Entry<String, JsonNode>> types = content.properties().iterator();
            if (types.hasNext()) {
                Map.Entry<String, JsonNode> first = types.next();
                bodyType = first.getKey();
                bodySchema = resolve(first.getValue().path("schema"));
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

    /**
     * One request to send: what it tries ({@code input}), the path and query, extra headers, the body and its type,
     * and the one status it must get where the input decides it (413, 415), else 0.
     */
    record Probe(String input, String pathAndQuery, Map<String, String> headers, byte @Nullable [] body,
            @Nullable String contentType, Caller caller, int expectedStatus) {
    }

    List<Probe> probes(Operation operation) {
        Caller main = operation.adminPath() ? callers.getLast() : callers.getFirst();
        List<Probe> probes = new ArrayList<>();
        ProbeBuilder probe = new ProbeBuilder(operation, main);
        byte[] validBody = operation.bodySchema == null ? null : bytes(JSON.writeValueAsString(example(operation.bodySchema, 0)));

        // Each kind of caller: the valid request, a bad path parameter, invalid JSON, an empty object.
        for (Caller caller : callers) {
            ProbeBuilder as = new ProbeBuilder(operation, caller);
            probes.add(as.build("valid request as " + caller.kind(), as.path(Map.of()), as.query(Map.of()), validBody));
            for (Parameter parameter : operation.parameters) {
                if (parameter.in.equals("path")) {
                    probes.add(as.build("path " + parameter.name + "=not-a-uuid as " + caller.kind(),
                            as.path(Map.of(parameter.name, "not-a-uuid")), as.query(Map.of()), validBody));
                }
            }
            if (operation.bodySchema != null) {
                probes.add(as.build("body {\"a\": (truncated) as " + caller.kind(), as.path(Map.of()),
                        as.query(Map.of()), bytes("{\"a\":")));
                probes.add(as.build("body {} as " + caller.kind(), as.path(Map.of()), as.query(Map.of()), bytes("{}")));
            }
        }

        for (Parameter parameter : operation.parameters) {
            switch (parameter.in) {
                case "path" -> {
                    for (String value : badPathValues()) {
                        probes.add(probe.build("path " + parameter.name + "=" + value,
                                probe.path(Map.of(parameter.name, value)), probe.query(Map.of()), validBody));
                    }
                }
                case "query" -> {
                    for (String value : badQueryValues(parameter.schema)) {
                        probes.add(probe.build("query " + parameter.name + "=" + value, probe.path(Map.of()),
                                probe.query(Map.of(parameter.name, value)), validBody));
                    }
                    String valid = encode(scalarExample(parameter.schema));
                    probes.add(probe.build("query " + parameter.name + " repeated", probe.path(Map.of()),
                            probe.query(Map.of()) + "&" + parameter.name + "=" + valid + "&" + parameter.name + "=-1",
                            validBody));
                }
                case "header" -> {
                    for (String value : List.of("", " ", KB10.substring(0, 4000), "not valid \u00e9", "-1",
                            "00000000-0000-0000-0000-000000000000", "a.b.c")) {
                        probes.add(probe.withHeader("header " + parameter.name + "=" + value, parameter.name, value,
                                validBody));
                    }
                }
                default -> {
                }
            }
        }
        probes.add(probe.build("unknown query parameter", probe.path(Map.of()),
                probe.query(Map.of()) + "&fuzz%00=%FF&fuzz=" + KB10.substring(0, 2000), validBody));

        // Headers every operation meets.
        for (String accept : List.of("application/xml", "garbage/;;;", "text/html;q=abc", "*/*;q=-1", "application/json;charset=bogus")) {
            probes.add(probe.withHeader("Accept: " + accept, "Accept", accept, validBody));
        }
        for (String authorization : List.of("Bearer", "Bearer " + KB10.substring(0, 6000), "Basic Zm9vOmJhcg==",
                "Bearer a.b.c", "Bearer ..", "bearer " + main.token() + " extra")) {
            probes.add(probe.withHeader("Authorization: " + authorization, "Authorization", authorization, validBody));
        }
        if (operation.method.equals("POST")) {
            for (String key : List.of("", " ", KB10, "key with spaces", "\u00e9\u00e9")) {
                probes.add(probe.withHeader("Idempotency-Key: " + key, "Idempotency-Key", key, validBody));
            }
        }
        if (operation.method.equals("GET")) {
            for (String tag : List.of("\"unterminated", "W/", "*", "\"a\", garbage, W/\"b", KB10)) {
                probes.add(probe.withHeader("If-None-Match: " + tag, "If-None-Match", tag, validBody));
            }
            probes.add(probe.withHeader("If-Modified-Since: garbage", "If-Modified-Since", "garbage", validBody));
        }

        if (operation.bodySchema != null) {
            bodyProbes(operation, probe, validBody, probes);
        }
        return probes;
    }

    private void bodyProbes(Operation operation, ProbeBuilder probe, byte[] validBody, List<Probe> probes) {
        String path = probe.path(Map.of());
        String query = probe.query(Map.of());
        String valid = new String(validBody, StandardCharsets.UTF_8);
        Map<String, byte[]> whole = new LinkedHashMap<>();
        whole.put("no body", null);
        whole.put("empty body", new byte[0]);
        whole.put("body {", bytes("{"));
        whole.put("body truncated valid JSON", bytes(valid.substring(0, Math.max(1, valid.length() / 2))));
        whole.put("body []", bytes("[]"));
        whole.put("body \"text\"", bytes("\"text\""));
        whole.put("body 42", bytes("42"));
        whole.put("body null", bytes("null"));
        whole.put("body true", bytes("true"));
        whole.put("body deeply nested arrays", bytes("[".repeat(20_000) + "]".repeat(20_000)));
        whole.put("body deeply nested objects", bytes("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
        whole.put("body valid JSON then garbage", bytes(valid + " garbage"));
        whole.put("body two JSON documents", bytes(valid + valid));
        whole.put("body with a BOM", bytes("\uFEFF" + valid));
        whole.put("body of invalid UTF-8", concat(bytes("{\"a\":\""), new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF }, bytes("\"}")));
        whole.put("body with a NUL byte", bytes("{\u0000}"));
        whole.put("body 1e309", bytes("1e309"));
        if (valid.startsWith("{") && valid.length() > 2) {
            whole.put("body with an unknown field", bytes("{\"fuzzUnknownField\":1," + valid.substring(1)));
            whole.put("body with a duplicated field", bytes(valid.substring(0, valid.length() - 1) + ","
                    + valid.substring(1)));
        }
        for (Map.Entry<String, byte[]> body : whole.entrySet()) {
            probes.add(probe.build(body.getKey(), path, query, body.getValue()));
        }
        byte[] oversize = bytes("{\"a\":\"" + "x".repeat((int) Math.min(Integer.MAX_VALUE - 64, bodyLimit + 1024)) + "\"}");
        probes.add(probe.build("body over the size limit", path, query, oversize, operation.bodyType, 413));
        probes.add(probe.build("Content-Type: text/plain", path, query, validBody, "text/plain", 415));
        probes.add(probe.build("Content-Type: application/xml", path, query, bytes("<a/>"), "application/xml", 415));
        probes.add(probe.build("no Content-Type", path, query, validBody, null, 0));
        for (String type : List.of("garbage", "application/json;;;", "application/json; charset=bogus",
                "application/json; charset=UTF-16", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded")) {
            probes.add(probe.build("Content-Type: " + type, path, query, validBody, type, 0));
        }

        JsonNode example = example(operation.bodySchema, 0);
        for (Map.Entry<List<Object>, JsonNode> leaf : fields(operation.bodySchema, example, new ArrayList<>(), 0).entrySet()) {
            for (String bad : badJsonValues(leaf.getValue())) {
                probes.add(probe.build("body " + describe(leaf.getKey()) + "=" + bad, path, query,
                        bytes(replace(example, leaf.getKey(), bad))));
            }
        }
    }

    /** Every member of the body (nested objects and the first item of arrays too), with its schema. */
    private Map<List<Object>, JsonNode> fields(JsonNode schema, JsonNode example, List<Object> at, int depth) {
        Map<List<Object>, JsonNode> fields = new LinkedHashMap<>();
        JsonNode resolved = resolve(schema);
        if (depth > 3) {
            return fields;
        }
        if (isObject(resolved)) {
            for (Map.Entry<String, JsonNode> property : properties(resolved).entrySet()) {
                List<Object> path = new ArrayList<>(at);
                path.add(property.getKey());
                fields.put(path, resolve(property.getValue()));
                fields.putAll(fields(property.getValue(), example, path, depth + 1));
            }
        } else if (isArray(resolved) && !at.isEmpty()) {
            List<Object> path = new ArrayList<>(at);
            path.add(0);
            fields.put(path, resolve(resolved.path("items")));
            fields.putAll(fields(resolved.path("items"), example, path, depth + 1));
        }
        return fields;
    }

    private static List<String> badPathValues() {
        return List.of("not-a-uuid", "%20", "null", "-1", "0", "99999999999999999999", KB10, "%00", "a%00b",
                "..%2F..%2Factuator", "..", "%2e%2e", "%E2%9C%93%F0%9F%92%A5", "%FF%FE", "%C0%AF",
                "00000000-0000-0000-0000-000000000000", "1-1-1-1-1", "x;jsessionid=1", "%0d%0aX-Injected:%201",
                "%25", "%5C");
    }

    private static List<String> badQueryValues(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of("abc", "", "-1", "0", "2147483648", "-2147483649",
                "9223372036854775808", "1e309", "NaN", "1000000000", "NOT_AN_ENUM", "2026-13-45T25%3A61%3A00Z",
                "not-a-date", "%2B1000000000-12-31T23%3A59%3A59Z", "-999999999-01-01", KB10.substring(0, 4000),
                "%00", "%FF", "%E2%9C%93", "unknownField%2Casc", "id%2Csideways", "%2C"));
        String type = type(schema);
        if (type.equals("array")) {
            values.add(KB10.substring(0, 2000).replace("a", "a%2C").substring(0, 2000));
        }
        return values;
    }

    /** Raw JSON values that do not belong in a member of this schema (and boundary ones that might). */
    private static List<String> badJsonValues(JsonNode schema) {
        List<String> values = new ArrayList<>(List.of("null", "{}", "[]", "\"\"", "\"" + KB100 + "\""));
        if (schema.has("enum")) {
            values.addAll(List.of("\"NOT_AN_ENUM_VALUE\"", "\"" + schema.path("enum").path(0).asString().toLowerCase(Locale.ROOT)
                    + "\"", "99", "0"));
        }
        switch (type(schema)) {
            case "string" -> {
                values.addAll(List.of("\" \"", "\"\\u0000\"", "\"\\uD83D\"", "\"\u00e9\u2713\ud83d\udca5\"", "12345",
                        "true", "1e309", "\"" + KB10 + "\""));
                String format = schema.path("format").asString();
                if (format.equals("uuid")) {
                    values.addAll(List.of("\"not-a-uuid\"", "\"1-1-1-1-1\"", "\"00000000-0000-0000-0000-000000000000\"",
                            "\"ffffffff-ffff-ffff-ffff-ffffffffffffff\""));
                } else if (format.equals("date-time")) {
                    values.addAll(List.of("\"not-a-date\"", "\"2026-13-45T25:61:00Z\"", "\"+1000000000-12-31T23:59:59Z\"",
                            "\"-999999999-01-01T00:00:00Z\"", "\"1970-01-01T00:00:00Z\"", "\"2026-01-01T00:00:00\"",
                            "0", "-1", "9223372036854775807", "1e309", "-9.9e300"));
                } else if (format.equals("date")) {
                    values.addAll(List.of("\"2026-02-30\"", "\"0000-00-00\"", "\"+999999999-12-31\"", "\"-999999999-01-01\""));
                } else if (format.equals("email")) {
                    values.addAll(List.of("\"not-an-email\"", "\"@\"", "\"a@b\"", "\"" + KB10 + "@example.com\""));
                } else if (format.equals("duration")) {
                    values.addAll(List.of("\"PT-1S\"", "\"P9999999999D\"", "\"not-a-duration\""));
                }
            }
            case "integer", "number" -> values.addAll(List.of("\"abc\"", "0", "-1", "2147483648", "-2147483649",
                    "9223372036854775808", "-9223372036854775809", "1e309", "-1e309", "1.5", "\"NaN\"", "\"Infinity\"",
                    "true", "1" + "0".repeat(400)));
            case "boolean" -> values.addAll(List.of("\"yes\"", "2", "\"\"", "\"true \""));
            case "array" -> values.addAll(List.of("\"x\"", "[null]", "[[]]", "[" + "null,".repeat(5_000) + "null]"));
            case "object" -> values.addAll(List.of("\"x\"", "42", "{\"fuzzUnknownField\":1}"));
            default -> {
            }
        }
        return values;
    }

    /** A valid-looking value of this schema: what the service should accept, but for what is under test. */
    JsonNode example(@Nullable JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("example") && !resolved.path("example").isNull() && !isObject(resolved)) {
            return resolved.path("example");
        }
        if (resolved.has("default") && !resolved.path("default").isNull()) {
            return resolved.path("default");
        }
        if (resolved.has("enum")) {
            return resolved.path("enum").path(0);
        }
        switch (type(resolved)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 6) {
                    for (Map.Entry<String, JsonNode> property : properties(resolved).entrySet()) {
                        object.set(property.getKey(), example(property.getValue(), depth + 1));
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 6) {
                    int items = Math.max(1, resolved.path("minItems").asInt(1));
                    for (int i = 0; i < items; i++) {
                        array.add(example(resolved.path("items"), depth + 1));
                    }
                }
                return array;
            }
            case "integer" -> {
                long value = resolved.has("minimum") ? Math.max(resolved.path("minimum").asLong(), 1) : 1;
                if (resolved.has("maximum") && value > resolved.path("maximum").asLong()) {
                    value = resolved.path("maximum").asLong();
                }
                return NODES.numberNode(value);
            }
            case "number" -> {
                return NODES.numberNode(resolved.has("minimum") ? Math.max(resolved.path("minimum").asDouble(), 1) : 1);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.stringNode(scalarExample(resolved));
            }
        }
    }

    private static String scalarExample(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.path("enum").path(0).asString();
        }
        if (schema.has("default") && schema.path("default").isValueNode()) {
            return schema.path("default").asString();
        }
        String format = schema.path("format").asString();
        String type = type(schema);
        if (type.equals("integer") || type.equals("number")) {
            return schema.has("minimum") ? String.valueOf(Math.max(schema.path("minimum").asLong(), 1)) : "1";
        }
        if (type.equals("boolean")) {
            return "true";
        }
        return switch (format) {
            case "uuid" -> UUID.randomUUID().toString();
            case "date-time" -> Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
            case "date" -> LocalDate.now(ZoneOffset.UTC).plusDays(30).toString();
            case "email" -> "fuzz-" + UUID.randomUUID().toString().substring(0, 8) + "@test.boxoffice.dev";
            case "duration" -> "PT10M";
            case "uri" -> "https://example.com/";
            default -> {
                int min = Math.max(schema.path("minLength").asInt(0), 4);
                int max = schema.has("maxLength") ? schema.path("maxLength").asInt() : Integer.MAX_VALUE;
                String text = "Fuzz" + "z".repeat(Math.max(0, min - 4));
                yield text.substring(0, Math.max(1, Math.min(text.length(), max)));
            }
        };
    }

    private Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (JsonNode part : schema.path("allOf")) {
            properties.putAll(properties(resolve(part)));
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            properties.put(property.getKey(), property.getValue());
        }
        return properties;
    }

    /** Follows {@code $ref}s and picks the first of {@code oneOf}/{@code anyOf}. */
    JsonNode resolve(@Nullable JsonNode schema) {
        JsonNode current = schema == null ? NODES.missingNode() : schema;
        for (int hops = 0; hops < 10; hops++) {
            if (current.has("$ref")) {
                String ref = current.path("$ref").asString();
                current = document.at(ref.substring(1));
            } else if (current.has("oneOf") || current.has("anyOf")) {
                JsonNode options = current.has("oneOf") ? current.path("oneOf") : current.path("anyOf");
                JsonNode chosen = options.path(0);
                for (JsonNode option : options) {
                    if (!type(resolve(option)).equals("null")) {
                        chosen = option;
                        break;
                    }
                }
                current = chosen;
            } else {
                return current;
            }
        }
        return current;
    }

    /** The schema's type; OpenAPI 3.1 may give a list such as {@code ["string", "null"]}. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode option : type) {
                if (!option.asString().equals("null")) {
                    return option.asString();
                }
            }
            return "null";
        }
        if (type.isString()) {
            return type.asString();
        }
        if (schema.has("properties") || schema.has("allOf")) {
            return "object";
        }
        return schema.has("items") ? "array" : "string";
    }

    private static boolean isObject(JsonNode schema) {
        return type(schema).equals("object");
    }

    private static boolean isArray(JsonNode schema) {
        return type(schema).equals("array");
    }

    /** The example with the member at {@code path} replaced by raw JSON text. */
    private static String replace(JsonNode example, List<Object> path, String rawValue) {
        JsonNode copy = example.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            parent = step instanceof Integer index ? parent.path(index) : parent.path((String) step);
        }
        Object last = path.getLast();
        if (parent instanceof ObjectNode object && last instanceof String name) {
            object.put(name, PLACEHOLDER);
        } else if (parent instanceof ArrayNode array && last instanceof Integer index) {
            if (array.isEmpty()) {
                array.add(PLACEHOLDER);
            } else {
                array.set(index, NODES.stringNode(PLACEHOLDER));
            }
        } else {
            return JSON.writeValueAsString(copy);
        }
        return JSON.writeValueAsString(copy).replace("\"" + PLACEHOLDER + "\"", rawValue);
    }

    private static String describe(List<Object> path) {
        StringBuilder text = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                text.append('[').append(index).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(step);
            }
        }
        return text.toString();
    }

    /** Builds requests to one operation as one caller, every input valid but those given. */
    private final class ProbeBuilder {

        private final Operation operation;
        private final Caller caller;
        private final Map<String, String> validPath = new LinkedHashMap<>();
        private final Map<String, String> requiredHeaders = new LinkedHashMap<>();

        ProbeBuilder(Operation operation, Caller caller) {
            this.operation = operation;
            this.caller = caller;
            for (Parameter parameter : operation.parameters) {
                if (parameter.in.equals("path")) {
                    validPath.put(parameter.name, encode(scalarExample(parameter.schema)));
                } else if (parameter.in.equals("header") && parameter.required) {
                    requiredHeaders.put(parameter.name, parameter.name.equalsIgnoreCase("Idempotency-Key")
                            ? FRESH_KEY : scalarExample(parameter.schema));
                }
            }
        }

        String path(Map<String, String> overrides) {
            String path = operation.template;
            for (Map.Entry<String, String> parameter : validPath.entrySet()) {
                String value = overrides.getOrDefault(parameter.getKey(), parameter.getValue());
                path = path.replace("{" + parameter.getKey() + "}", value);
            }
            return path;
        }

        /** The required query parameters with valid values, and the overrides (already encoded). */
        String query(Map<String, String> overrides) {
            StringBuilder query = new StringBuilder("?");
            for (Parameter parameter : operation.parameters) {
                if (!parameter.in.equals("query")) {
                    continue;
                }
                String value = overrides.containsKey(parameter.name) ? overrides.get(parameter.name)
                        : parameter.required ? encode(scalarExample(parameter.schema)) : null;
                if (value != null) {
                    query.append(query.length() > 1 ? "&" : "").append(parameter.name).append('=').append(value);
                }
            }
            return query.length() == 1 ? "" : query.toString();
        }

        Probe build(String input, String path, String query, byte @Nullable [] body) {
            return build(input, path, query, body, operation.bodyType, 0);
        }

        Probe build(String input, String path, String query, byte @Nullable [] body, @Nullable String contentType,
                int expectedStatus) {
            String pathAndQuery = query.isEmpty() ? path : path + (query.startsWith("?") ? query : "?" + query.substring(1));
            return new Probe(input, pathAndQuery, requiredHeaders, body, contentType, caller, expectedStatus);
        }

        Probe withHeader(String input, String name, String value, byte @Nullable [] body) {
            Map<String, String> headers = new LinkedHashMap<>(requiredHeaders);
            headers.put(name, value);
            Probe probe = build(input, path(Map.of()), query(Map.of()), body);
            return new Probe(input, probe.pathAndQuery(), headers, probe.body(), probe.contentType(), caller, 0);
        }
    }

    private void send(Operation operation, Probe probe, SoftAssertions softly) {
        String what = operation + " with " + shorten(probe.input(), MAX_INPUT_SHOWN) + " (" + probe.caller().kind() + ")";
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + probe.pathAndQuery()))
                    .timeout(timeout)
                    .method(operation.method, probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
            if (!probe.headers().containsKey("Authorization")) {
                builder.header("Authorization", "Bearer " + probe.caller().token());
            }
            if (probe.body() != null && probe.contentType() != null) {
                builder.header("Content-Type", probe.contentType());
            }
            probe.headers().forEach((name, value) ->
                    builder.header(name, value.equals(FRESH_KEY) ? UUID.randomUUID().toString() : value));
            request = builder.build();
        } catch (IllegalArgumentException unsendable) {
            // The HTTP client itself refuses it (an illegal URI or header): no server will ever see it from a client.
            return;
        }
        String before = operation.mutating() && dataFingerprint != null ? dataFingerprint.get() : null;
        HttpResponse<String> response;
        try {
            requests++;
            response = sendOnce(request, probe);
            if (response == null) {
                return;
            }
        } catch (IOException e) {
            softly.fail(what + ": no response (" + e + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        int status = response.statusCode();
        String body = response.body();
        String shown = shorten(body, MAX_BODY_SHOWN);
        softly.assertThat(status).as("%s answered %d: %s", what, status, shown).isLessThan(500);
        if (probe.expectedStatus() != 0 && status != 401 && status != 403 && status != 404) {
            softly.assertThat(status).as("%s answered %d: %s", what, status, shown).isEqualTo(probe.expectedStatus());
        }
        if (status >= 400) {
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            softly.assertThat(contentType).as("%s answered %d as %s: %s", what, status, contentType, shown)
                    .startsWith("application/problem+json");
            JsonNode problem = readOrNull(body);
            softly.assertThat(problem != null && problem.path("type").isString() && !problem.path("type").asString().isEmpty())
                    .as("%s answered %d without a problem type: %s", what, status, shown).isTrue();
            if (problem != null) {
                softly.assertThat(problem.has("trace") || problem.has("exception"))
                        .as("%s answered %d with a stack trace or exception: %s", what, status, shown).isFalse();
                String text = problem.path("title").asString() + " " + problem.path("detail").asString();
                softly.assertThat(INTERNALS.matcher(text.substring(0, Math.min(text.length(), 2_000))).find())
                        .as("%s answered %d naming internals: %s", what, status, shown).isFalse();
            }
        }
        if (before != null && List.of(400, 405, 406, 413, 415).contains(status)) {
            softly.assertThat(dataFingerprint.get()).as("%s was refused with %d but changed data", what, status)
                    .isEqualTo(before);
        }
    }

    /**
     * Sends the request; null when the service refused an oversized body by closing the connection (the 413 probe).
     * A connection that failed before any answer (reset, or closed by the server while idle in the client's pool — as
     * after a 413 that closed it) is retried once on a new one; a timeout is not retried: that is no answer.
     */
    private @Nullable HttpResponse<String> sendOnce(HttpRequest request, Probe probe)
            throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException timeout) {
            throw timeout;
        } catch (IOException e) {
            if (probe.expectedStatus() == 413) {
                // The service answered 413 and closed the connection while the client was still writing the body.
                return null;
            }
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static @Nullable JsonNode readOrNull(String body) {
        try {
            return JSON.readTree(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }

    private static String shorten(String text, int max) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "… (" + oneLine.length() + " chars)";
    }
}
