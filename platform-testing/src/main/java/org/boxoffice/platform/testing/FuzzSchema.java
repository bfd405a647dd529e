package org.boxoffice.platform.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schemas of one OpenAPI document as {@link InputFuzz} reads them: references followed, types named, and a
 * valid-looking example of each, from which a request with a single bad value is made.
 */
final class FuzzSchema {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PLACEHOLDER = "__boxoffice_fuzz_value__";

    private final JsonNode document;

    FuzzSchema(JsonNode document) {
        this.document = document;
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

    static String scalarExample(JsonNode schema) {
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

    Map<String, JsonNode> properties(JsonNode schema) {
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
    static String type(JsonNode schema) {
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

    static boolean isObject(JsonNode schema) {
        return type(schema).equals("object");
    }

    static boolean isArray(JsonNode schema) {
        return type(schema).equals("array");
    }

    /** The example with the member at {@code path} replaced by raw JSON text. */
    static String replace(JsonNode example, List<Object> path, String rawValue) {
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

    static String describe(List<Object> path) {
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
}
