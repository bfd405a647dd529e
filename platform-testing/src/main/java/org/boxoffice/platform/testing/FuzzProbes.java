package org.boxoffice.platform.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.boxoffice.platform.testing.ProbeBuilder.Probe;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.boxoffice.platform.testing.FuzzSchema.describe;
import static org.boxoffice.platform.testing.FuzzSchema.isArray;
import static org.boxoffice.platform.testing.FuzzSchema.isObject;
import static org.boxoffice.platform.testing.FuzzSchema.replace;
import static org.boxoffice.platform.testing.FuzzSchema.scalarExample;
import static org.boxoffice.platform.testing.FuzzValues.KB10;
import static org.boxoffice.platform.testing.FuzzValues.badJsonValues;
import static org.boxoffice.platform.testing.FuzzValues.badPathValues;
import static org.boxoffice.platform.testing.FuzzValues.badQueryValues;
import static org.boxoffice.platform.testing.FuzzValues.bytes;
import static org.boxoffice.platform.testing.FuzzValues.concat;
import static org.boxoffice.platform.testing.FuzzValues.encode;

/**
 * The requests {@link InputFuzz} sends to one operation: each kind of caller's valid request, then every bad path,
 * query, header and body input of {@link FuzzValues}, each in an otherwise valid request.
 */
final class FuzzProbes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FuzzSchema schemas;
    private final List<InputFuzz.Caller> callers;
    private final long bodyLimit;

    FuzzProbes(FuzzSchema schemas, List<InputFuzz.Caller> callers, long bodyLimit) {
        this.schemas = schemas;
        this.callers = callers;
        this.bodyLimit = bodyLimit;
    }

    List<Probe> probes(InputFuzz.Operation operation) {
        InputFuzz.Caller main = operation.adminPath() ? callers.getLast() : callers.getFirst();
        List<Probe> probes = new ArrayList<>();
        ProbeBuilder probe = new ProbeBuilder(operation, main);
        byte[] validBody = operation.bodySchema == null ? null
                : bytes(JSON.writeValueAsString(schemas.example(operation.bodySchema, 0)));

        // Each kind of caller: the valid request, a bad path parameter, invalid JSON, an empty object.
        for (InputFuzz.Caller caller : callers) {
            ProbeBuilder as = new ProbeBuilder(operation, caller);
            probes.add(as.build("valid request as " + caller.kind(), as.path(Map.of()), as.query(Map.of()), validBody));
            for (InputFuzz.Parameter parameter : operation.parameters) {
                if (parameter.in().equals("path")) {
                    probes.add(as.build("path " + parameter.name() + "=not-a-uuid as " + caller.kind(),
                            as.path(Map.of(parameter.name(), "not-a-uuid")), as.query(Map.of()), validBody));
                }
            }
            if (operation.bodySchema != null) {
                probes.add(as.build("body {\"a\": (truncated) as " + caller.kind(), as.path(Map.of()),
                        as.query(Map.of()), bytes("{\"a\":")));
                probes.add(as.build("body {} as " + caller.kind(), as.path(Map.of()), as.query(Map.of()), bytes("{}")));
            }
        }

        for (InputFuzz.Parameter parameter : operation.parameters) {
            switch (parameter.in()) {
                case "path" -> {
                    for (String value : badPathValues()) {
                        probes.add(probe.build("path " + parameter.name() + "=" + value,
                                probe.path(Map.of(parameter.name(), value)), probe.query(Map.of()), validBody));
                    }
                }
                case "query" -> {
                    for (String value : badQueryValues(parameter.schema())) {
                        probes.add(probe.build("query " + parameter.name() + "=" + value, probe.path(Map.of()),
                                probe.query(Map.of(parameter.name(), value)), validBody));
                    }
                    String valid = encode(scalarExample(parameter.schema()));
                    probes.add(probe.build("query " + parameter.name() + " repeated", probe.path(Map.of()),
                            probe.query(Map.of()) + "&" + parameter.name() + "=" + valid + "&" + parameter.name()
                                    + "=-1",
                            validBody));
                }
                case "header" -> {
                    for (String value : List.of("", " ", KB10.substring(0, 4000), "not valid \u00e9", "-1",
                            "00000000-0000-0000-0000-000000000000", "a.b.c")) {
                        probes.add(probe.withHeader("header " + parameter.name() + "=" + value, parameter.name(), value,
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
        for (String accept : List.of("application/xml", "garbage/;;;", "text/html;q=abc", "*/*;q=-1",
                "application/json;charset=bogus")) {
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

    private void bodyProbes(InputFuzz.Operation operation, ProbeBuilder probe, byte[] validBody, List<Probe> probes) {
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
        whole.put("body of invalid UTF-8",
                concat(bytes("{\"a\":\""), new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF }, bytes("\"}")));
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
        byte[] oversize = bytes("{\"a\":\"" + "x".repeat((int) Math.min(Integer.MAX_VALUE - 64, bodyLimit + 1024))
                + "\"}");
        probes.add(probe.build("body over the size limit", path, query, oversize, operation.bodyType, 413));
        probes.add(probe.build("Content-Type: text/plain", path, query, validBody, "text/plain", 415));
        probes.add(probe.build("Content-Type: application/xml", path, query, bytes("<a/>"), "application/xml", 415));
        probes.add(probe.build("no Content-Type", path, query, validBody, null, 0));
        for (String type : List.of("garbage", "application/json;;;", "application/json; charset=bogus",
                "application/json; charset=UTF-16", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded")) {
            probes.add(probe.build("Content-Type: " + type, path, query, validBody, type, 0));
        }

        JsonNode example = schemas.example(operation.bodySchema, 0);
        for (Map.Entry<List<Object>, JsonNode> leaf : fields(operation.bodySchema, example, new ArrayList<>(), 0)
                .entrySet()) {
            for (String bad : badJsonValues(leaf.getValue())) {
                probes.add(probe.build("body " + describe(leaf.getKey()) + "=" + bad, path, query,
                        bytes(replace(example, leaf.getKey(), bad))));
            }
        }
    }

    /** Every member of the body (nested objects and the first item of arrays too), with its schema. */
    private Map<List<Object>, JsonNode> fields(JsonNode schema, JsonNode example, List<Object> at, int depth) {
        Map<List<Object>, JsonNode> fields = new LinkedHashMap<>();
        JsonNode resolved = schemas.resolve(schema);
        if (depth > 3) {
            return fields;
        }
        if (isObject(resolved)) {
            for (Map.Entry<String, JsonNode> property : schemas.properties(resolved).entrySet()) {
                List<Object> path = new ArrayList<>(at);
                path.add(property.getKey());
                fields.put(path, schemas.resolve(property.getValue()));
                fields.putAll(fields(property.getValue(), example, path, depth + 1));
            }
        } else if (isArray(resolved) && !at.isEmpty()) {
            List<Object> path = new ArrayList<>(at);
            path.add(0);
            fields.put(path, schemas.resolve(resolved.path("items")));
            fields.putAll(fields(resolved.path("items"), example, path, depth + 1));
        }
        return fields;
    }
}
