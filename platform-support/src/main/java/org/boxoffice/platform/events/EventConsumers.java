package org.boxoffice.platform.events;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.boxoffice.platform.background.BackgroundTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

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
public class EventConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final StringRedisTemplate redis;
    private final EventsProperties properties;
    private final String group;
    private final String consumer;
    private final TrustedEventKeys trusted;
    private final Map<String, List<EventHandler>> handlersByStream;
    private final Map<String, String> producerByStream;
    private final Map<String, Instant> nextReclaim = new ConcurrentHashMap<>();
    private final EventDelivery delivery;
    private final Clock clock;
    private final List<BackgroundTask> readers = new ArrayList<>();
    private volatile boolean running;

    EventConsumers(StringRedisTemplate redis, EventDelivery delivery, EventsProperties properties,
            TrustedEventKeys trusted, MeterRegistry meters, Clock clock) {
        this.clock = clock;
        this.redis = redis;
        this.properties = properties;
        this.group = properties.producer();
        this.consumer = group + "-" + ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        this.trusted = trusted;
        this.delivery = delivery;
        this.handlersByStream = delivery.handlersByStream();
        this.producerByStream = delivery.producerByStream();
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
            delivery.deliver(stream, record, 1);
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
                delivery.deliver(stream, record, (int) message.getTotalDeliveryCount() + 1);
                processed++;
            }
        }
        return processed;
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
