package org.boxoffice.platform.testing;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.platform.events.EventEnvelope;
import org.boxoffice.platform.events.EventSigner;
import org.boxoffice.platform.events.EventsProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Events as another service would publish them, for tests that drive a consumer: the envelope's stream fields,
 * signed with that producer's test key ({@link TestEventKeys}), appended to the producer's stream.
 */
public final class TestEvents {

    private TestEvents() {
    }

    /** The stream fields of an event signed as {@code producer}'s; a test may alter them to forge one. */
    public static Map<String, String> signed(UUID id, String producer, String type, int version, String key,
            String payloadJson, @Nullable Instant occurredAt) {
        return signed(id, producer, type, version, key, payloadJson, occurredAt, Map.of());
    }

    /** As {@link #signed(UUID, String, String, int, String, String, Instant)}, carrying a trace context. */
    public static Map<String, String> signed(UUID id, String producer, String type, int version, String key,
            String payloadJson, @Nullable Instant occurredAt, Map<String, String> trace) {
        EventEnvelope envelope = new EventEnvelope(id, type, version, occurredAt == null ? Instant.now() : occurredAt,
                producer, key, trace, payloadJson);
        return new EventSigner(TestEventKeys.of(producer).getPrivate()).signedFields(envelope);
    }

    /** Appends a signed event of {@code producer} (version 1, now) to its stream. */
    public static RecordId publish(StringRedisTemplate redis, UUID id, String producer, String type, String key,
            String payloadJson) {
        return append(redis, producer, signed(id, producer, type, 1, key, payloadJson, null));
    }

    /** Appends stream fields as they are (signed or forged) to {@code producer}'s stream. */
    public static RecordId append(StringRedisTemplate redis, String producer, Map<String, String> fields) {
        return redis.opsForStream().add(StreamRecords.mapBacked(fields).withStreamKey(EventsProperties.stream(producer)));
    }
}
