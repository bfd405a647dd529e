package org.boxoffice.platform.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * One event as it travels: the envelope every consumer can read, and the payload only the event's readers know.
 *
 * @param id          unique id; consumers de-duplicate by it
 * @param type        past-tense name, e.g. {@code OrderConfirmed}
 * @param version     payload schema version of that type
 * @param occurredAt  when the state change committed
 * @param producer    producing service, e.g. {@code booking}; also names the stream
 * @param key         the aggregate the event is about (an order id, an event id), for ordering and tracing
 * @param traceParent W3C {@code traceparent} of the request that caused it, when traced
 * @param payload     the event's JSON
 */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String producer, String key,
        @Nullable String traceParent, String payload) {

    Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", id.toString());
        fields.put("type", type);
        fields.put("version", Integer.toString(version));
        fields.put("occurredAt", occurredAt.toString());
        fields.put("producer", producer);
        fields.put("key", key);
        if (traceParent != null) {
            fields.put("traceparent", traceParent);
        }
        fields.put("payload", payload);
        return fields;
    }

    static EventEnvelope fromFields(Map<?, ?> fields) {
        return new EventEnvelope(UUID.fromString(field(fields, "id")), field(fields, "type"),
                Integer.parseInt(field(fields, "version")), Instant.parse(field(fields, "occurredAt")),
                field(fields, "producer"), field(fields, "key"), (String) fields.get("traceparent"),
                field(fields, "payload"));
    }

    private static String field(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("stream entry has no '" + name + "' field");
        }
        return value.toString();
    }

    /** The payload read as the consumer's own copy of the event type. */
    public <T> T payloadAs(JsonMapper json, Class<T> type) {
        return json.readValue(payload, type);
    }
}
