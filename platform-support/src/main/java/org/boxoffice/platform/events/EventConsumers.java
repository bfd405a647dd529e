package org.boxoffice.platform.events;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.boxoffice.platform.background.BackgroundTask;
import org.boxoffice.platform.data.SqlByDesign;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a service's {@link EventHandler}s: one reader per producer stream, in the consumer group named after the
 * service (so replicas share the work and each event reaches the service once).
 *
 * <p>For every message: the handlers run and the event id is recorded in the inbox in one transaction (an id already
 * there means a redelivery: nothing runs again); the message is acknowledged only after that commits. Messages left
 * unacknowledged for {@code reclaim-after} — their consumer died or failed — are claimed by another consumer and
 * retried; after {@code max-attempts} deliveries a message goes to {@link EventsProperties#DEAD_LETTERS} with the
 * error, for an operator to look at.
 *
 * <p>Only the producer's own events are acted on: an event of a type some handler reads must carry the producer's
 * signature ({@link TrustedEventKeys}). Anything else appended to the stream — unsigned, signed with another key,
 * altered after signing, or naming another producer — is dead-lettered at once, without retries and without reaching
 * a handler or the inbox. A stream whose producer's keys cannot be fetched yet is not read until they can.
 */
@SqlByDesign("Stream consumers de-duplicate by event id with INSERT ... ON CONFLICT DO NOTHING in the handler's transaction")
public class EventConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final StringRedisTemplate redis;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventsProperties properties;
    private final String group;
    private final String consumer;
    private final TraceHandoff traces;
    private final TrustedEventKeys trusted;
    private final Map<String, List<EventHandler>> handlersByStream;
    private final Map<String, String> producerByStream;
    private final Map<String, Instant> nextReclaim = new ConcurrentHashMap<>();
    private final Map<String, String> lastErrors = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final MeterRegistry meters;
    private final Clock clock;
    private final List<BackgroundTask> readers = new ArrayList<>();
    private volatile boolean running;

    EventConsumers(StringRedisTemplate redis, JdbcTemplate jdbc, TransactionTemplate transactions,
            EventsProperties properties, List<EventHandler> handlers, TraceHandoff traces, TrustedEventKeys trusted,
            MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.redis = redis;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.group = properties.producer();
        this.consumer = group + "-" + ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.traces = traces;
        this.trusted = trusted;
        this.meters = meters;
        this.handlersByStream = handlers.stream().collect(Collectors.groupingBy(
                handler -> EventsProperties.stream(handler.producer()), LinkedHashMap::new, Collectors.toList()));
        this.producerByStream = handlers.stream().collect(Collectors.toMap(
                handler -> EventsProperties.stream(handler.producer()), EventHandler::producer, (a, b) -> a));
        List<String> untrusted = producerByStream.values().stream().filter(p -> !trusted.producers().contains(p))
                .distinct().sorted().toList();
        if (!untrusted.isEmpty()) {
            throw new IllegalStateException("This service reads the events of " + untrusted + " but trusts no key of "
                    + (untrusted.size() == 1 ? "it" : "them") + ": add them to boxoffice.events.signing.trusted-keys"
                    + " (BOXOFFICE_EVENTS_TRUSTED_KEYS), e.g. " + untrusted.getFirst() + "=<base64 public key> or "
                    + untrusted.getFirst() + "=http://" + untrusted.getFirst() + ":<port>/.well-known/event-keys");
        }
        for (String stream : handlersByStream.keySet()) {
            Gauge.builder("boxoffice.stream.consumer.lag", () -> lag(stream))
                    .description("Messages of the stream this service has not yet processed (pending or undelivered)")
                    .tags("stream", stream, "group", group)
                    .register(meters);
        }
    }

    /** The streams this service reads. */
    public List<String> streams() {
        return List.copyOf(handlersByStream.keySet());
    }

    /**
     * Reads and processes what is available on {@code stream}: first messages other consumers left behind long enough
     * to reclaim, then new ones.
     *
     * @return how many messages were processed, acknowledged or dead-lettered
     */
    public int pollOnce(String stream) {
        return poll(stream, Duration.ZERO);
    }

    /** As {@link #pollOnce}, waiting up to {@code block} in Redis when nothing new is there (zero: no wait). */
    private int poll(String stream, Duration block) {
        if (!trusted.ready(producerByStream.getOrDefault(stream, ""))) {
            // Without the producer's keys nothing could be verified: leave the stream's messages where they are.
            return 0;
        }
        try {
            return reclaimIfDue(stream) + readNew(stream, block);
        } catch (RuntimeException e) {
            if (!redisError(e, "NOGROUP")) {
                throw e;
            }
            // The group is gone (a new stream, or Redis lost its data): recreate it and read from the start.
            ensureGroup(stream);
            return 0;
        }
    }

    private int reclaimIfDue(String stream) {
        Instant now = clock.instant();
        if (now.isBefore(nextReclaim.getOrDefault(stream, Instant.MIN))) {
            return 0;
        }
        nextReclaim.put(stream, now.plus(properties.reclaimAfter().dividedBy(2)));
        return reclaim(stream);
    }

    private int readNew(String stream, Duration block) {
        StreamReadOptions options = StreamReadOptions.empty().count(properties.batchSize());
        if (!block.isZero()) {
            options = options.block(block);
        }
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().read(Consumer.from(group, consumer),
                options, StreamOffset.create(stream, ReadOffset.lastConsumed()));
        if (records == null) {
            return 0;
        }
        for (MapRecord<String, Object, Object> record : records) {
            deliver(stream, record, 1);
        }
        return records.size();
    }

    private int reclaim(String stream) {
        var pending = redis.opsForStream().pending(stream, group, Range.unbounded(), properties.batchSize(),
                properties.reclaimAfter());
        int processed = 0;
        for (PendingMessage message : pending) {
            List<MapRecord<String, Object, Object>> claimed = redis.opsForStream().claim(stream, group, consumer,
                    properties.reclaimAfter(), message.getId());
            for (MapRecord<String, Object, Object> record : claimed) {
                deliver(stream, record, (int) message.getTotalDeliveryCount() + 1);
                processed++;
            }
        }
        return processed;
    }

    private void deliver(String stream, MapRecord<String, Object, Object> record, int attempt) {
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
                int first = jdbc.update("INSERT INTO inbox_event (event_id, stream, type) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        event.id(), stream, event.type());
                if (first == 1) {
                    handlers.forEach(handler -> handler.handle(event));
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

    private static @org.jspecify.annotations.Nullable String field(MapRecord<String, Object, Object> record,
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

    /** Creates the consumer group (and the stream) if missing, reading from the stream's beginning. */
    void ensureGroup(String stream) {
        try {
            redis.execute((RedisCallback<String>) connection -> connection.streamCommands().xGroupCreate(
                    stream.getBytes(java.nio.charset.StandardCharsets.UTF_8), group, ReadOffset.from("0"), true));
        } catch (RuntimeException e) {
            if (!redisError(e, "BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** Whether Redis answered with error {@code code}; clients wrap it at different depths (Lettuce: in the cause). */
    private static boolean redisError(Throwable error, String code) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains(code)) {
                return true;
            }
        }
        return false;
    }

    private double lag(String stream) {
        try {
            long pending = redis.opsForStream().pending(stream, group).getTotalPendingMessages();
            var groups = redis.opsForStream().groups(stream);
            String lastDelivered = groups.stream().filter(g -> g.groupName().equals(group))
                    .map(g -> g.lastDeliveredId()).findFirst().orElse("0-0");
            var undelivered = redis.opsForStream().range(stream,
                    Range.rightUnbounded(Range.Bound.exclusive(lastDelivered)),
                    org.springframework.data.redis.connection.Limit.limit().count(10_000));
            return pending + (undelivered == null ? 0 : undelivered.size());
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @Override
    public void start() {
        running = true;
        for (String stream : handlersByStream.keySet()) {
            try {
                ensureGroup(stream);
            } catch (RuntimeException e) {
                log.warn("Could not create consumer group {} on {} yet (Redis down?); the reader will retry: {}", group, stream, e.toString());
            }
            // A blocking read waits in Redis instead of polling: an idle consumer makes one call per read-block (and
            // pauses poll-interval between them, so a Redis that answered at once could never make it spin).
            BackgroundTask reader = new BackgroundTask("events-" + stream, properties.pollInterval(), true) {
                @Override
                protected boolean runOnce() {
                    return poll(stream, properties.readBlock()) > 0;
                }
            };
            reader.start();
            readers.add(reader);
        }
    }

    @Override
    public void stop() {
        running = false;
        readers.forEach(BackgroundTask::stop);
        readers.clear();
    }

    @Override
    public boolean isAutoStartup() {
        return properties.autoStartup();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    String consumerName() {
        return consumer;
    }

    String group() {
        return group;
    }

}
