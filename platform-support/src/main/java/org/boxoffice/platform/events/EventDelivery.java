package org.boxoffice.platform.events;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link EventConsumers} does with each message it reads: checks that the producer signed it, runs the handlers
 * registered for its type (its payload read into their records) and records the event id in the inbox in one
 * transaction (an id already there is a redelivery: nothing runs again), acknowledges after the commit, and moves to
 * {@link EventsProperties#DEAD_LETTERS} what can never succeed (a forgery, an unreadable envelope or version) or failed
 * {@code max-attempts} times.
 */
@SqlByDesign("Stream consumers de-duplicate by event id with INSERT ... ON CONFLICT DO NOTHING in the handler's transaction")
final class EventDelivery {

    /** Under the consumers' name, as before the split: log filters and alerts on it keep working. */
    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final StringRedisTemplate redis;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventsProperties properties;
    private final String group;
    private final TraceHandoff traces;
    private final TrustedEventKeys trusted;
    private final JsonMapper json;
    private final Map<String, List<EventHandler>> handlersByStream;
    private final Map<String, String> producerByStream;
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;

    EventDelivery(StringRedisTemplate redis, JdbcClient jdbc, TransactionTemplate transactions,
            EventsProperties properties, List<EventHandler> beans, TraceHandoff traces, TrustedEventKeys trusted,
            JsonMapper json, MeterRegistry meters, Clock clock) {
        this.redis = redis;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.group = properties.producer();
        this.traces = traces;
        this.trusted = trusted;
        this.json = json;
        List<EventHandler> handlers = beans.stream().map(EventDelivery::target).toList();
        this.handlersByStream = handlers.stream().collect(Collectors.groupingBy(
                handler -> EventsProperties.stream(handler.producer()), LinkedHashMap::new, Collectors.toList()));
        this.producerByStream = handlers.stream().collect(Collectors.toMap(
                handler -> EventsProperties.stream(handler.producer()), EventHandler::producer, (a, b) -> a));
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * The handler itself rather than a proxy of it (an aspect on the class): the bus calls its final methods, which a
     * class-based proxy would run on an instance whose constructor never ran, so without its registrations.
     */
    private static EventHandler target(EventHandler bean) {
        if (AopProxyUtils.getSingletonTarget(bean) instanceof EventHandler handler) {
            return target(handler);
        }
        if (bean.types().isEmpty()) {
            throw new IllegalStateException(bean.getClass().getName() + " handles no event type: register its"
                    + " handlers with on(TheEvent.class, ...) in its constructor");
        }
        return bean;
    }

    /** The handlers of each stream this service reads, in the order the handlers came. */
    Map<String, List<EventHandler>> handlersByStream() {
        return handlersByStream;
    }

    /** The producer of each stream this service reads. */
    Map<String, String> producerByStream() {
        return producerByStream;
    }

    /**
     * Delivers one message, the {@code attempt}-th time: verified, handled and recorded in the inbox in one
     * transaction, then acknowledged; a failure is left for another attempt, the last one and a forgery dead-lettered.
     */
    void deliver(String stream, MapRecord<String, Object, Object> record, int attempt) {
        String recordId = record.getId().getValue();
        if (attempt > properties.maxAttempts()) {
            deadLetter(stream, record, lastErrors.getOrDefault(recordId, "failed on another replica"), attempt - 1);
            return;
        }
        EventEnvelope event;
        try {
            event = EventEnvelope.fromFields(record.getValue(), traces.fields());
        } catch (RuntimeException malformed) {
            deadLetter(stream, record, "malformed envelope: " + malformed.getMessage(), attempt);
            return;
        }
        List<EventHandler> handlers = handlersByStream.getOrDefault(stream, List.of()).stream()
                .filter(handler -> handler.types().contains(event.type())).toList();
        if (!handlers.isEmpty()) {
            String producer = producerByStream.get(stream);
            if (!event.producer().equals(producer)) {
                deadLetter(stream, record, "rejected: claims to come from " + event.producer() + " on the stream of "
                        + producer, attempt);
                return;
            }
            TrustedEventKeys.Verification verification = trusted.verify(producer, event,
                    field(record, EventSigner.KEY_ID_FIELD), field(record, EventSigner.SIGNATURE_FIELD),
                    field(record, EventSigner.TRACE_SIGNATURE_FIELD));
            switch (verification.verdict()) {
                case INVALID -> {
                    deadLetter(stream, record, "rejected: " + verification.reason(), attempt);
                    return;
                }
                case UNAVAILABLE -> {
                    failed(stream, record, event, attempt, verification.reason());
                    return;
                }
                case VALID -> {
                    // the producer's own event: handle it
                }
            }
        }
        var unreadable = handlers.stream().filter(handler -> handler.version() != event.version()).findFirst();
        if (unreadable.isPresent()) {
            deadLetter(stream, record, group + " reads " + event.type() + " version " + unreadable.get().version()
                    + ", not " + event.version(), attempt);
            return;
        }
        try {
            traces.continueTrace(event.trace(), "consume " + event.type(), () -> transactions.execute(status -> {
                int first = jdbc.sql("INSERT INTO inbox_event (event_id, stream, type) VALUES (?, ?, ?)"
                        + " ON CONFLICT DO NOTHING").params(event.id(), stream, event.type()).update();
                if (first == 1) {
                    handlers.forEach(handler -> handler.handle(event, json));
                }
                return null;
            }));
            redis.opsForStream().acknowledge(stream, group, record.getId());
            lastErrors.remove(recordId);
        } catch (RuntimeException e) {
            failed(stream, record, event, attempt, e.toString());
        }
    }

    /** A delivery that may succeed later: left unacknowledged for another attempt, or dead-lettered after the last. */
    private void failed(String stream, MapRecord<String, Object, Object> record, EventEnvelope event, int attempt,
            String error) {
        lastErrors.put(record.getId().getValue(), error);
        log.warn("{} {} failed on attempt {} of {}; it will be retried: {}", event.type(), event.id(), attempt,
                properties.maxAttempts(), error);
        if (attempt >= properties.maxAttempts()) {
            deadLetter(stream, record, error, attempt);
        }
    }

    private static @Nullable String field(MapRecord<String, Object, Object> record,
            String name) {
        Object value = record.getValue().get(name);
        return value == null ? null : value.toString();
    }

    private void deadLetter(String stream, MapRecord<String, Object, Object> record, String error, int attempts) {
        Map<String, String> fields = new LinkedHashMap<>();
        record.getValue().forEach((name, value) -> fields.put(String.valueOf(name), String.valueOf(value)));
        fields.put("deadLetter.stream", stream);
        fields.put("deadLetter.entry", record.getId().getValue());
        fields.put("deadLetter.group", group);
        fields.put("deadLetter.attempts", Integer.toString(attempts));
        fields.put("deadLetter.error", error);
        fields.put("deadLetter.at", clock.instant().toString());
        redis.opsForStream().add(StreamRecords.mapBacked(fields).withStreamKey(EventsProperties.DEAD_LETTERS));
        redis.opsForStream().acknowledge(stream, group, record.getId());
        lastErrors.remove(record.getId().getValue());
        deadLetters.computeIfAbsent(stream, s -> Counter.builder("boxoffice.stream.dead.letters")
                .description("Messages given up on after repeated failures").tags("stream", s, "group", group)
                .register(meters)).increment();
        log.error("Gave up on {} from {} after {} attempts; moved to {}: {}", fields.get("type"), stream, attempts,
                EventsProperties.DEAD_LETTERS, error);
    }
}
