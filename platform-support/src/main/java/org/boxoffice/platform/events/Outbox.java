package org.boxoffice.platform.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.platform.data.SqlByDesign;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where a service announces what happened. {@link #append} must run inside the transaction that makes the change,
 * so the event exists if and only if the change committed; {@link OutboxRelay} publishes it afterwards, woken by the
 * commit rather than by its next poll.
 */
@SqlByDesign("The transactional outbox: one INSERT in the caller's transaction, the same for every service")
public class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String producer;
    private final TraceHandoff traces;
    private final Clock clock;
    /** Wakes the relay; run once per transaction, however many events it appends. */
    private final Runnable committed;

    /** {@code committed} is asked in a transaction that appends events: it wakes the relay once that commits. */
    Outbox(JdbcClient jdbc, JsonMapper json, String producer, TraceHandoff traces, Clock clock, Runnable committed) {
        this.jdbc = jdbc;
        this.json = json;
        this.producer = producer;
        this.traces = traces;
        this.clock = clock;
        this.committed = committed;
    }

    /**
     * Records an event in the current transaction.
     *
     * @param type    past-tense event name, e.g. {@code OrderConfirmed}
     * @param version payload schema version
     * @param key     the aggregate it is about
     * @param payload the producer's event record, serialized as JSON
     * @return the event's id
     * @throws IllegalStateException when no transaction is active: an event written outside the change's transaction
     *                               could announce a change that never happened, or miss one that did
     */
    public UUID append(String type, int version, String key, Object payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append(" + type + ") needs the transaction of the change it announces");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Map<String, String> trace = new LinkedHashMap<>(traces.current());
        String traceParent = trace.remove(EventEnvelope.TRACE_PARENT);
        jdbc.sql("""
                INSERT INTO outbox_event (id, stream, type, version, event_key, payload, trace_parent, trace_context,
                                          occurred_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?)
                """).params(id, EventsProperties.stream(producer), type, version, key, json.writeValueAsString(payload),
                traceParent, trace.isEmpty() ? null : json.writeValueAsString(trace), Timestamp.from(now)).update();
        committed.run();
        return id;
    }

    String producer() {
        return producer;
    }
}
