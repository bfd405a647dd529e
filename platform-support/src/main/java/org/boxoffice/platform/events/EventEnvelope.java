package org.boxoffice.platform.events;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event as it travels: the envelope every consumer can read, and the payload only the event's readers know.
 * Only the bus reads it: a handler gets its payload read into the record it registered, and the rest as a
 * {@link ReceivedEvent} ({@link EventHandler}); {@code PlatformRules.EVENTS_BY_TYPED_HANDLERS} fails a service's
 * build on a call to {@link #type()} or {@link #payload()} outside this package.
 *
 * @param id          unique id; consumers de-duplicate by it
 * @param type        past-tense name, e.g. {@code OrderConfirmed}
 * @param version     payload schema version of that type
 * @param occurredAt  when the state change committed
 * @param producer    producing service, e.g. {@code booking}; also names the stream
 * @param key         the aggregate the event is about (an order id, an event id), for ordering and tracing
 * @param trace       the trace context of the request that caused it, as the producer's propagator wrote it (W3C
 *                    {@code traceparent}, {@code tracestate}, {@code baggage} by default); empty when untraced. Each
 *                    entry travels as a stream field of its own name.
 * @param payload     the event's JSON
 */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String producer, String key,
        Map<String, String> trace, String payload) {

    /** The W3C field older consumers read; a trace context always keeps its own slot in the signed bytes. */
    static final String TRACE_PARENT = "traceparent";
    private static final Set<String> ENVELOPE_FIELDS = Set.of("id", "type", "version", "occurredAt", "producer", "key",
            "payload", EventSigner.KEY_ID_FIELD, EventSigner.SIGNATURE_FIELD, EventSigner.TRACE_SIGNATURE_FIELD);

    /** @throws IllegalArgumentException when a trace field would take the name of an envelope field */
    public EventEnvelope {
        trace = java.util.Collections.unmodifiableMap(new TreeMap<>(trace));
        for (String name : trace.keySet()) {
            if (ENVELOPE_FIELDS.contains(name)) {
                throw new IllegalArgumentException("trace field '" + name + "' would overwrite the envelope's own");
            }
        }
    }

    /** The W3C {@code traceparent}, when the event carries one. */
    public @Nullable String traceParent() {
        return trace.get(TRACE_PARENT);
    }

    /** The trace fields besides {@code traceparent}, sorted by name. */
    Map<String, String> traceBesidesParent() {
        Map<String, String> rest = new TreeMap<>(trace);
        rest.remove(TRACE_PARENT);
        return rest;
    }

    Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", id.toString());
        fields.put("type", type);
        fields.put("version", Integer.toString(version));
        fields.put("occurredAt", occurredAt.toString());
        fields.put("producer", producer);
        fields.put("key", key);
        fields.putAll(trace);
        fields.put("payload", payload);
        return fields;
    }

    /** Reads a stream entry; {@code traceFields} are the propagation fields the consumer's propagator knows. */
    static EventEnvelope fromFields(Map<?, ?> fields, Collection<String> traceFields) {
        Map<String, String> trace = new LinkedHashMap<>();
        for (String name : traceFields) {
            Object value = fields.get(name);
            if (value != null && !ENVELOPE_FIELDS.contains(name)) {
                trace.put(name, value.toString());
            }
        }
        Object parent = fields.get(TRACE_PARENT);
        if (parent != null) {
            trace.put(TRACE_PARENT, parent.toString());
        }
        return new EventEnvelope(UUID.fromString(field(fields, "id")), field(fields, "type"),
                Integer.parseInt(field(fields, "version")), Instant.parse(field(fields, "occurredAt")),
                field(fields, "producer"), field(fields, "key"), trace, field(fields, "payload"));
    }

    private static String field(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("stream entry has no '" + name + "' field");
        }
        return value.toString();
    }
}
