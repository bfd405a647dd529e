package org.boxoffice.analytics.rebuild;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.events.EventConsumers;
import org.boxoffice.platform.events.EventsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Throws the read model away and lets the event bus replay the streams' history into it.
 *
 * <p>Why this never counts an event twice: in one transaction the fact tables <em>and the inbox</em> are truncated
 * (TRUNCATE takes an exclusive lock, so it waits for any event being applied and blocks the next one until the
 * commit), and, still inside it, this service's consumer group on each stream is moved back to the stream's
 * beginning. Every event applied before the lock was taken is erased with its inbox entry and will be re-read; every
 * event applied after the commit lands in the empty model and records its id, so when the replay reaches it again
 * the inbox skips it. Replicas share the consumer group, so one call rebuilds for all of them.
 *
 * <p>The history is what the streams still hold ({@code boxoffice.events.stream-max-length}, a million entries each
 * by default); events trimmed from a stream cannot be replayed.
 */
@SqlByDesign("Truncates the read model and its inbox in one locking transaction so a replay never counts an event twice")
@Service
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    static final List<String> READ_MODEL_TABLES = List.of("sale_event", "hold_fact", "order_fact", "ticket_fact",
            "payment_fact", "refund_fact");

    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;
    private final EventConsumers consumers;
    private final EventsProperties events;
    private final Clock clock;

    ReadModelRebuild(JdbcClient jdbc, StringRedisTemplate redis, EventConsumers consumers, EventsProperties events,
            Clock clock) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.consumers = consumers;
        this.events = events;
        this.clock = clock;
    }

    /** Empties the read model and rewinds the consumer groups; the replay then runs in the background. */
    @Transactional
    public RebuildStarted rebuild() {
        jdbc.sql("TRUNCATE " + String.join(", ", READ_MODEL_TABLES) + ", inbox_event").update();
        List<String> streams = consumers.streams();
        for (String stream : streams) {
            rewind(stream);
        }
        log.warn("Analytics read model truncated; replaying {} from the beginning", streams);
        return new RebuildStarted(clock.instant(), events.producer(), streams);
    }

    private void rewind(String stream) {
        byte[] key = stream.getBytes(StandardCharsets.UTF_8);
        String group = events.producer();
        try {
            redis.execute((RedisCallback<Object>) connection -> connection.execute("XGROUP",
                    "SETID".getBytes(StandardCharsets.UTF_8), key, group.getBytes(StandardCharsets.UTF_8),
                    "0".getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException missing) {
            // No stream or no group yet: creating the group at 0 is the same rewind.
            try {
                redis.execute((RedisCallback<String>) connection -> connection.streamCommands()
                        .xGroupCreate(key, group, ReadOffset.from("0"), true));
            } catch (RuntimeException raced) {
                if (!String.valueOf(raced.getMessage()).contains("BUSYGROUP")
                        && !(raced.getCause() != null && String.valueOf(raced.getCause().getMessage()).contains("BUSYGROUP"))) {
                    throw raced;
                }
                // A consumer created it meanwhile, at 0 too (it creates groups from the beginning).
            }
        }
    }

    /**
     * @param startedAt when the model was emptied
     * @param group     the consumer group that replays
     * @param streams   the streams replayed from their beginning
     */
    public record RebuildStarted(Instant startedAt, String group, List<String> streams) {
    }
}
