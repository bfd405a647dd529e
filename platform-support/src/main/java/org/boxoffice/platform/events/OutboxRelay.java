package org.boxoffice.platform.events;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.boxoffice.platform.background.BackgroundTask;
import org.boxoffice.platform.data.SqlByDesign;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes committed outbox events to the producer's Redis stream, oldest first. One relay at a time per service
 * publishes (a transaction-scoped advisory lock), which keeps each stream in commit order however many replicas run.
 *
 * <p>An event is marked published in the same transaction that read it, after {@code XADD}: a crash in between
 * publishes it again on the next pass — at least once, which the consumers' inbox turns into exactly once. Each event
 * goes out signed with the service's key ({@link EventSigner}): consumers act only on events that verify. When Redis
 * has lost its data, the events of the last {@code replay-window} are published again first
 * ({@link #replayIfRedisLostItsData}).
 */
@SqlByDesign("One leader per batch by advisory lock, a batch read in order and marked published in one statement batch")
public class OutboxRelay extends BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final JdbcClient jdbc;
    /** Only for {@link #markPublished}'s statement batch, which JdbcClient cannot send (PlatformRules.ONE_JDBC_API). */
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final StringRedisTemplate redis;
    private final EventsProperties properties;
    private final EventSigner signer;
    private final Timer publishLag;
    private final long lockKey;
    /** A key the relay keeps in Redis: gone means Redis lost its data, and recent events are published again. */
    private final String marker;
    private final Clock clock;
    private final JsonMapper json;

    OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, StringRedisTemplate redis,
            EventsProperties properties, EventSigner signer, JsonMapper json, MeterRegistry meters, Clock clock) {
        super("outbox-relay", properties.relayInterval(), properties.autoStartup());
        this.signer = signer;
        this.json = json;
        this.clock = clock;
        this.jdbc = JdbcClient.create(jdbc);
        this.batches = jdbc;
        this.transactions = transactions;
        this.redis = redis;
        this.properties = properties;
        this.lockKey = ("boxoffice-outbox-relay:" + properties.producer()).hashCode();
        this.marker = EventsProperties.stream(properties.producer()) + ".relay";
        this.publishLag = Timer.builder("boxoffice.outbox.publish.lag")
                .description("Time from an event's commit to its publication on the stream")
                .tag("producer", properties.producer())
                .register(meters);
    }

    /**
     * Publishes at most one batch.
     *
     * @return how many events were published; 0 also when another replica holds the relay lock
     */
    public int publishBatch() {
        replayIfRedisLostItsData();
        Integer published = transactions.execute(status -> {
            boolean leader = jdbc.sql("SELECT pg_try_advisory_xact_lock(?)").param(lockKey)
                    .query(Boolean.class).single();
            if (!leader) {
                return 0;
            }
            List<EventEnvelope> batch = jdbc.sql("""
                    SELECT id, type, version, occurred_at, event_key, trace_parent, trace_context::text AS trace_context,
                           payload::text AS payload
                      FROM outbox_event WHERE published_at IS NULL ORDER BY occurred_at, id LIMIT ?
                    """).param(properties.batchSize()).query((row, n) -> envelope(row)).list();
            if (batch.isEmpty()) {
                return 0;
            }
            String stream = EventsProperties.stream(properties.producer());
            XAddOptions trim = XAddOptions.maxlen(properties.streamMaxLength()).approximateTrimming(true);
            for (EventEnvelope event : batch) {
                redis.opsForStream().add(StreamRecords.mapBacked(signer.signedFields(event)).withStreamKey(stream), trim);
            }
            markPublished(batch.stream().map(EventEnvelope::id).toList());
            Instant now = clock.instant();
            batch.forEach(event -> publishLag.record(Duration.between(event.occurredAt(), now)));
            return batch.size();
        });
        return published == null ? 0 : published;
    }

    /**
     * Publishes again, oldest first, every event published within {@code replay-window} when Redis has lost the
     * marker this relay keeps there: Redis was restarted without its data, failed over to a replica that had not caught
     * up, or was flushed. Events published just before were perhaps not read yet, and messages read but not yet
     * acknowledged lost their pending entries: without this they would be gone for good while the outbox says
     * published (found while building the chaos run's Redis fault, docs/reliability.md). The consumers' inbox makes
     * an event delivered again after it was handled a no-op. Runs outside the relay's transaction: an interrupted
     * replay leaves the marker unset, and the next round replays again.
     *
     * @return how many events were published again
     */
    int replayIfRedisLostItsData() {
        if (Boolean.TRUE.equals(redis.hasKey(marker))) {
            return 0;
        }
        Instant now = clock.instant();
        String stream = EventsProperties.stream(properties.producer());
        XAddOptions trim = XAddOptions.maxlen(properties.streamMaxLength()).approximateTrimming(true);
        Timestamp afterAt = Timestamp.from(now.minus(properties.replayWindow()));
        UUID afterId = new UUID(0, 0);
        int replayed = 0;
        while (true) {
            record Published(EventEnvelope event, Timestamp at) {
            }
            List<Published> batch = jdbc.sql("""
                    SELECT id, type, version, occurred_at, event_key, trace_parent, trace_context::text AS trace_context,
                           payload::text AS payload, published_at
                      FROM outbox_event WHERE published_at IS NOT NULL AND (published_at, id) > (?, ?)
                     ORDER BY published_at, id LIMIT ?
                    """).params(afterAt, afterId, properties.batchSize())
                    .query((row, n) -> new Published(envelope(row), row.getTimestamp("published_at"))).list();
            if (batch.isEmpty()) {
                break;
            }
            for (Published published : batch) {
                redis.opsForStream().add(StreamRecords.mapBacked(signer.signedFields(published.event()))
                        .withStreamKey(stream), trim);
            }
            replayed += batch.size();
            afterAt = batch.getLast().at();
            afterId = batch.getLast().event().id();
        }
        redis.opsForValue().set(marker, now.toString());
        if (replayed > 0) {
            log.warn("Redis had lost this relay's marker (restarted empty, failed over or flushed): published the {}"
                    + " events of the last {} again", replayed, properties.replayWindow());
        }
        return replayed;
    }

    private EventEnvelope envelope(java.sql.ResultSet row) throws java.sql.SQLException {
        return new EventEnvelope(row.getObject("id", UUID.class), row.getString("type"), row.getInt("version"),
                row.getTimestamp("occurred_at").toInstant(), properties.producer(), row.getString("event_key"),
                trace(row.getString("trace_parent"), row.getString("trace_context")), row.getString("payload"));
    }

    /** The trace fields of a row: its traceparent and whatever else the producer's propagator wrote. */
    private Map<String, String> trace(@Nullable String traceParent, @Nullable String traceContext) {
        Map<String, String> trace = new LinkedHashMap<>();
        if (traceContext != null) {
            trace.putAll(json.readValue(traceContext, new TypeReference<Map<String, String>>() { }));
        }
        if (traceParent != null) {
            trace.put(EventEnvelope.TRACE_PARENT, traceParent);
        }
        return trace;
    }

    /** Marks events published; runs after they were added to the stream, in the transaction that read them. */
    protected void markPublished(List<UUID> ids) {
        Timestamp now = Timestamp.from(clock.instant());
        batches.batchUpdate("UPDATE outbox_event SET published_at = ? WHERE id = ?",
                ids.stream().map(id -> new Object[] { now, id }).toList());
    }

    /** A full batch means more may be waiting: publish again at once. */
    @Override
    protected boolean runOnce() {
        return publishBatch() >= properties.batchSize();
    }
}
