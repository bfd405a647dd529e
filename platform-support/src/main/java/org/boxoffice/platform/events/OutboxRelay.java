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
 * goes out signed with the service's key ({@link EventSigner}): consumers act only on events that verify.
 */
@SqlByDesign("One leader per batch by advisory lock, a batch read in order and marked published in one statement batch")
public class OutboxRelay extends BackgroundTask {

    private final JdbcClient jdbc;
    /** Only for {@link #markPublished}'s statement batch, which JdbcClient cannot send (PlatformRules.ONE_JDBC_API). */
    private final JdbcTemplate batches;
    private final TransactionTemplate transactions;
    private final StringRedisTemplate redis;
    private final EventsProperties properties;
    private final EventSigner signer;
    private final Timer publishLag;
    private final long lockKey;
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
                    """).param(properties.batchSize()).query((row, n) -> new EventEnvelope(
                    row.getObject("id", UUID.class), row.getString("type"), row.getInt("version"),
                    row.getTimestamp("occurred_at").toInstant(), properties.producer(), row.getString("event_key"),
                    trace(row.getString("trace_parent"), row.getString("trace_context")), row.getString("payload")))
                    .list();
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
