package org.boxoffice.platform.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Builds requests to one operation as one caller, every input valid but those given. */
final class ProbeBuilder {

    /**
     * One request to send: what it tries ({@code input}), the path and query, extra headers, the body and its type,
     * and the one status it must get where the input decides it (413, 415), else 0.
     */
    record Probe(String input, String pathAndQuery, Map<String, String> headers, byte @Nullable [] body,
            @Nullable String contentType, InputFuzz.Caller caller, int expectedStatus) {
    }

    /** Stands for a new random key in each request: a reused key would replay the first answer instead. */
    static final String FRESH_KEY = "__boxoffice_fresh_key__";

    private final InputFuzz.Operation operation;
    private final InputFuzz.Caller caller;
    private final Map<String, String> validPath = new LinkedHashMap<>();
    private final Map<String, String> requiredHeaders = new LinkedHashMap<>();

    ProbeBuilder(InputFuzz.Operation operation, InputFuzz.Caller caller) {
        this.operation = operation;
        this.caller = caller;
        for (InputFuzz.Parameter parameter : operation.parameters) {
            if (parameter.in().equals("path")) {
                validPath.put(parameter.name(), FuzzValues.encode(FuzzSchema.scalarExample(parameter.schema())));
            } else if (parameter.in().equals("header") && parameter.required()) {
                requiredHeaders.put(parameter.name(), parameter.name().equalsIgnoreCase("Idempotency-Key")
                        ? FRESH_KEY : FuzzSchema.scalarExample(parameter.schema()));
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
        for (InputFuzz.Parameter parameter : operation.parameters) {
            if (!parameter.in().equals("query")) {
                continue;
            }
            String value = overrides.containsKey(parameter.name()) ? overrides.get(parameter.name())
                    : parameter.required() ? FuzzValues.encode(FuzzSchema.scalarExample(parameter.schema())) : null;
            if (value != null) {
                query.append(query.length() > 1 ? "&" : "").append(parameter.name()).append('=').append(value);
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
