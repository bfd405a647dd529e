package org.boxoffice.platform.events;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestEventKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The bus's promises, with each failure injected: nothing from a rolled-back transaction is published, a relay that
 * dies between publishing and committing publishes again and the consumer still applies the event once, a consumer
 * that dies before acknowledging has its message reclaimed by another, a redelivery has no second effect, and a
 * message that keeps failing ends in the dead-letter stream with its error. Only the producer's own events are acted
 * on: anything else written to its stream — unsigned, signed with another key, altered, or naming another producer —
 * is dead-lettered at once and never handled. Handlers are typed: each event reaches the handler registered for its
 * record, its payload read into that record. The relay and the consumers are driven by hand (background threads off)
 * so that each step is observable.
 */
@IntegrationTest(properties = {
        "spring.application.name=events-it",
        "boxoffice.db.schema=events_it",
        "boxoffice.events.auto-startup=false",
        "boxoffice.events.relay-interval=1h",
        "boxoffice.events.reclaim-after=300ms",
        "boxoffice.events.max-attempts=3",
        "management.tracing.baggage.remote-fields=tenant" })
class EventBusIT {

    private static final String STREAM = "boxoffice.events.events-it";

    @Autowired
    Outbox outbox;
    @Autowired
    OutboxRelay relay;
    @Autowired
    EventConsumers consumers;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Tracer tracer;
    @Autowired
    EventSigner signer;
    @Autowired
    Propagator propagator;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @BeforeEach
    void cleanSlate() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS effect (event_id uuid NOT NULL, type text NOT NULL, detail text)");
        jdbc.execute("TRUNCATE effect, outbox_event, inbox_event");
        redis.delete(List.of(STREAM, EventsProperties.DEAD_LETTERS));
        consumers.ensureGroup(STREAM);
    }

    @Test
    void publishesCommittedEventsInOrderAndNothingFromARolledBackTransaction() {
        transactions.executeWithoutResult(status -> {
            outbox.append("SeatHeld", 1, "seat-1", Map.of("seat", "A-1-1"));
            outbox.append("SeatHeld", 1, "seat-2", Map.of("seat", "A-1-2"));
        });
        transactions.executeWithoutResult(status -> {
            outbox.append("SeatHeld", 1, "seat-3", Map.of("seat", "A-1-3"));
            status.setRollbackOnly();
        });

        assertThat(relay.publishBatch()).isEqualTo(2);

        assertThat(entries()).extracting(e -> e.get("key")).containsExactly("seat-1", "seat-2");
        assertThat(relay.publishBatch()).as("nothing left to publish").isZero();
    }

    @Test
    void aCommitWakesTheRelayInsteadOfWaitingForItsNextPoll() throws Exception {
        relay.start();
        try {
            Thread.sleep(300); // its first round found nothing: it now waits its interval, an hour
            transactions.executeWithoutResult(status -> outbox.append("SeatHeld", 1, "seat-9", Map.of("seat", "A-9")));

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (entries().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(entries()).extracting(e -> e.get("key")).containsExactly("seat-9");
        } finally {
            relay.stop();
        }
    }

    @Test
    void idleReadersKeepTheirRedisConnectionInsteadOfOpeningOnePerBlockingRead() throws Exception {
        consumers.start();
        try {
            // Three blocking reads (read-block 1 s) of every stream this consumer reads, each seen while it waits.
            Set<String> readingConnections = new HashSet<>();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (System.nanoTime() < until) {
                readingConnections.addAll(connectionsBlockedInXreadgroup());
                Thread.sleep(50);
            }
            assertThat(readingConnections).as("connections that waited in XREADGROUP")
                    .isNotEmpty().hasSizeLessThanOrEqualTo(consumers.streams().size());
        } finally {
            consumers.stop();
        }
    }

    /** Ids of this application's Redis connections whose last command is XREADGROUP (client-name is its name). */
    private Set<String> connectionsBlockedInXreadgroup() {
        return redis.execute((RedisCallback<Set<String>>) connection ->
                connection.serverCommands().getClientList().stream()
                        .filter(client -> "events-it".equals(client.getName()))
                        .filter(client -> "xreadgroup".equals(client.getLastCommand()))
                        .map(client -> client.get("id"))
                        .collect(Collectors.toSet()));
    }

    @Test
    void eventsPublishedJustBeforeRedisLostItsDataArePublishedAgainAndTakeEffectOnce() {
        UUID handled = transactions.execute(status -> outbox.append("SeatHeld", 1, "seat-1", Map.of("seat", "A-1-1")));
        assertThat(relay.publishBatch()).isEqualTo(1);
        drain();
        UUID unread = transactions.execute(status -> outbox.append("SeatHeld", 1, "seat-2", Map.of("seat", "A-1-2")));
        assertThat(relay.publishBatch()).isEqualTo(1);

        // Redis restarted empty (or failed over, or was flushed) before the consumer read the second event.
        redis.execute((RedisCallback<Void>) connection -> {
            connection.serverCommands().flushDb();
            return null;
        });
        assertThat(consumers.pollOnce(STREAM)).as("the consumer group is gone with the data").isZero();
        assertThat(relay.publishBatch()).as("nothing new to publish").isZero();

        assertThat(entries()).extracting(e -> e.get("id")).as("published again, oldest first")
                .containsExactly(handled.toString(), unread.toString());
        drain();
        assertThat(effects(unread)).as("the event Redis lost took effect").isEqualTo(1);
        assertThat(effects(handled)).as("the one handled before: once, the inbox knew it").isEqualTo(1);
        assertThat(relay.replayIfRedisLostItsData()).as("the marker is back: no second replay").isZero();
    }

    @Test
    void refusesToAppendOutsideTheTransactionOfTheChange() {
        assertThatIllegalStateException().isThrownBy(() -> outbox.append("SeatHeld", 1, "seat-1", Map.of()))
                .withMessageContaining("needs the transaction");
    }

    @Test
    void aRelayThatDiesBetweenPublishAndCommitPublishesAgainAndTheEffectHappensOnce() {
        UUID id = transactions.execute(status -> outbox.append("SeatHeld", 1, "seat-1", Map.of("seat", "A-1-1")));
        OutboxRelay dying = new OutboxRelay(jdbc, transactions, redis, properties(), signer, json, meters,
                java.time.Clock.systemUTC()) {
            @Override
            protected void markPublished(List<UUID> ids) {
                throw new IllegalStateException("relay killed after XADD, before commit");
            }
        };

        assertThatThrownBy(dying::publishBatch).hasMessageContaining("relay killed");
        assertThat(entries()).hasSize(1);
        assertThat(relay.publishBatch()).as("the event is still in the outbox").isEqualTo(1);
        assertThat(entries()).as("published twice").hasSize(2).allMatch(e -> e.get("id").equals(id.toString()));

        drain();

        assertThat(effects(id)).isEqualTo(1);
        assertThat(pending()).isZero();
    }

    @Test
    void aMessageLeftByAConsumerThatDiedIsReclaimedAndProcessedOnce() {
        UUID id = publish("SeatHeld");
        List<MapRecord<String, Object, Object>> stolen = redis.opsForStream().read(
                Consumer.from("events-it", "consumer-that-died"), StreamReadOptions.empty().count(10),
                StreamOffset.create(STREAM, ReadOffset.lastConsumed()));
        assertThat(stolen).hasSize(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> consumers.pollOnce(STREAM) == 1);

        assertThat(effects(id)).isEqualTo(1);
        assertThat(pending()).isZero();
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        UUID id = publish("SeatHeld");
        MapRecord<String, Object, Object> original = redis.opsForStream().range(STREAM,
                org.springframework.data.domain.Range.unbounded()).getFirst();
        redis.opsForStream().add(StreamRecords.mapBacked(original.getValue()).withStreamKey(STREAM));

        drain();

        assertThat(effects(id)).isEqualTo(1);
        assertThat(pending()).isZero();
    }

    @Test
    void aMessageThatKeepsFailingGoesToTheDeadLetterStreamWithItsError() {
        UUID id = publish("Poison");
        double before = deadLetterCount();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            consumers.pollOnce(STREAM);
            return redis.opsForStream().size(EventsProperties.DEAD_LETTERS) == 1;
        });

        Map<Object, Object> dead = redis.opsForStream().range(EventsProperties.DEAD_LETTERS,
                org.springframework.data.domain.Range.unbounded()).getFirst().getValue();
        assertThat(dead).containsEntry("id", id.toString()).containsEntry("deadLetter.attempts", "3")
                .containsEntry("deadLetter.group", "events-it");
        assertThat((String) dead.get("deadLetter.error")).contains("cannot digest");
        assertThat(effects(id)).as("every failed attempt rolled back its writes").isZero();
        assertThat(pending()).as("acknowledged once dead-lettered").isZero();
        assertThat(deadLetterCount() - before).isEqualTo(1);
    }

    @Test
    void eachEventReachesTheTypedHandlerOfItsRecordWithThePayloadReadIntoIt() {
        UUID held = transactions.execute(status -> outbox.append("SeatHeld", 1, "seat-1",
                Map.of("seat", "A-1-1", "row", 7, "price", 4550)));
        UUID released = transactions.execute(status -> outbox.append("SeatReleased", 1, "seat-2",
                Map.of("seat", "A-1-2", "reason", "EXPIRED")));
        relay.publishBatch();

        drain();

        assertThat(jdbc.queryForList("SELECT event_id, type, detail FROM effect ORDER BY type"))
                .as("one handler each; a field the record does not have is ignored").containsExactly(
                        Map.of("event_id", held, "type", "SeatHeld", "detail", "A-1-1/7"),
                        Map.of("event_id", released, "type", "SeatReleased", "detail", "A-1-2 EXPIRED"));
        assertThat(pending()).isZero();
    }

    @Test
    void anEventOfATypeNoHandlerRegistersIsAcknowledgedWithoutReachingOne() {
        publish("SeatSwapped");

        drain();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM effect", Integer.class)).isZero();
        assertThat(redis.opsForStream().size(EventsProperties.DEAD_LETTERS)).as("not an error either").isZero();
        assertThat(pending()).as("acknowledged").isZero();
    }

    @Test
    void aPayloadItsRecordCannotReadFailsLikeAHandlerAndEndsInTheDeadLetterStream() {
        UUID id = transactions.execute(status -> outbox.append("SeatHeld", 1, "seat-1",
                Map.of("seat", "A-1-1", "row", "not a number")));
        relay.publishBatch();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            consumers.pollOnce(STREAM);
            return redis.opsForStream().size(EventsProperties.DEAD_LETTERS) == 1;
        });

        Map<Object, Object> dead = redis.opsForStream().range(EventsProperties.DEAD_LETTERS,
                org.springframework.data.domain.Range.unbounded()).getFirst().getValue();
        assertThat(dead).containsEntry("id", id.toString()).containsEntry("deadLetter.attempts", "3");
        assertThat((String) dead.get("deadLetter.error")).contains("not a number");
        assertThat(effects(id)).isZero();
        assertThat(pending()).isZero();
    }

    @Test
    void anEventVersionTheHandlerCannotReadIsDeadLetteredAtOnceWithoutReachingIt() {
        UUID id = transactions.execute(status -> outbox.append("SeatHeld", 2, "seat-1", Map.of("seat", "A-1-1")));
        relay.publishBatch();

        drain();

        assertThat(effects(id)).as("the handler never ran").isZero();
        Map<Object, Object> dead = redis.opsForStream().range(EventsProperties.DEAD_LETTERS,
                org.springframework.data.domain.Range.unbounded()).getFirst().getValue();
        assertThat(dead).containsEntry("id", id.toString()).containsEntry("deadLetter.attempts", "1");
        assertThat((String) dead.get("deadLetter.error")).isEqualTo("events-it reads SeatHeld version 1, not 2");
        assertThat(pending()).isZero();
    }

    @Test
    void aConsumerWhoseGroupRedisLostRecreatesItAndCatchesUp() {
        redis.delete(STREAM);
        assertThat(consumers.pollOnce(STREAM)).as("the group is gone with the stream: recreated, nothing read").isZero();

        UUID id = publish("SeatHeld");
        drain();

        assertThat(effects(id)).isEqualTo(1);
    }

    @Test
    void theConsumerContinuesTheTraceOfTheRequestThatProducedTheEvent() {
        Span span = tracer.nextSpan().name("hold seats").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            transactions.executeWithoutResult(status -> outbox.append("SeatHeld", 1, "seat-1", Map.of()));
        } finally {
            span.end();
        }
        relay.publishBatch();

        drain();

        assertThat((String) entries().getFirst().get("traceparent")).startsWith("00-" + span.context().traceId() + "-");
        assertThat(EventsTestApplication.lastHandledTraceId.get()).isEqualTo(span.context().traceId());
    }

    @Test
    void theStreamCarriesTraceStateAndBaggageAsTheProducersPropagatorWroteThem() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Span request = propagator.extract(Map.of(
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01",
                "tracestate", "vendor=opaque-42",
                "baggage", "tenant=acme"), Map::get).name("request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            transactions.executeWithoutResult(status -> outbox.append("SeatHeld", 1, "seat-1", Map.of()));
        } finally {
            request.end();
        }
        relay.publishBatch();

        drain();

        Map<Object, Object> entry = entries().getFirst();
        assertThat((String) entry.get("traceparent")).startsWith("00-" + traceId + "-");
        assertThat(entry).containsEntry("tracestate", "vendor=opaque-42").containsEntry("baggage", "tenant=acme");
        assertThat(EventsTestApplication.lastHandledTraceId.get()).isEqualTo(traceId);
        assertThat(EventsTestApplication.lastHandledContext.get())
                .as("the consumer's span continues with the producer's tracestate and baggage in scope")
                .containsEntry("tracestate", "vendor=opaque-42").containsEntry("tenant", "acme")
                .hasEntrySatisfying("baggage", baggage -> assertThat(baggage).startsWith("tenant=acme"));
    }

    @Test
    void aCallersOversizedBaggageIsNotStoredWithTheEventButTheTraceContinues() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        Span request = propagator.extract(Map.of(
                "traceparent", "00-" + traceId + "-00f067aa0ba902b7-01",
                "baggage", "tenant=" + "x".repeat(TraceHandoff.MAX_FIELD)), Map::get).name("request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(request)) {
            transactions.executeWithoutResult(status -> outbox.append("SeatHeld", 1, "seat-1", Map.of()));
        } finally {
            request.end();
        }

        assertThat(jdbc.queryForObject("SELECT trace_parent FROM outbox_event", String.class))
                .startsWith("00-" + traceId + "-");
        assertThat(jdbc.queryForObject("SELECT trace_context::text FROM outbox_event", String.class))
                .as("nothing besides the traceparent is kept").isNull();
    }

    @Test
    void aTraceFieldChangedOnTheStreamIsRejected() {
        Map<String, String> tampered = new java.util.HashMap<>(signer.signedFields(new EventEnvelope(UUID.randomUUID(),
                "SeatHeld", 1, java.time.Instant.now(), "events-it", "seat-1",
                Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", "baggage", "tenant=acme"),
                "{\"seat\":\"A-1-1\"}")));
        tampered.put("baggage", "tenant=someone-else");

        assertRejected(tampered, "rejected: trace signature does not match");
    }

    @Test
    void traceFieldsWithoutTheirSignatureAreRejected() {
        Map<String, String> unsigned = genuine("SeatHeld");
        unsigned.put("baggage", "tenant=someone-else");

        assertRejected(unsigned, "rejected: trace fields [baggage] are not signed");
    }

    @Test
    void publishedEventsCarryTheProducersSignature() {
        UUID id = publish("SeatHeld");

        Map<Object, Object> entry = entries().getFirst();
        assertThat(entry).containsEntry("id", id.toString())
                .containsEntry(EventSigner.KEY_ID_FIELD, EventKeys.keyId(TestEventKeys.of("events-it").getPublic()))
                .containsKey(EventSigner.SIGNATURE_FIELD);
    }

    @Test
    void anUnsignedEventAppendedToTheStreamIsDeadLetteredAtOnceAndNeverHandled() {
        Map<String, String> forged = genuine("SeatHeld");
        forged.remove(EventSigner.KEY_ID_FIELD);
        forged.remove(EventSigner.SIGNATURE_FIELD);

        assertRejected(forged, "rejected: unsigned event");
    }

    @Test
    void anEventSignedWithAKeyThatIsNotTheProducersIsRejected() {
        // Signed by the key of another producer the service trusts, but for this producer's stream.
        Map<String, String> forged = new java.util.HashMap<>(new EventSigner(
                TestEventKeys.of("payment-service").getPrivate()).signedFields(envelope(UUID.randomUUID(), "events-it")));

        assertRejected(forged, "which is not one of events-it's");
    }

    @Test
    void anEventAlteredAfterSigningIsRejected() {
        Map<String, String> tampered = genuine("SeatHeld");
        tampered.put("payload", "{\"seat\":\"A-1-2\"}");

        assertRejected(tampered, "rejected: signature does not match");
    }

    @Test
    void anotherProducersGenuineEventCopiedOntoThisStreamIsRejected() {
        Map<String, String> copied = new java.util.HashMap<>(new EventSigner(
                TestEventKeys.of("payment-service").getPrivate()).signedFields(envelope(UUID.randomUUID(),
                "payment-service")));

        assertRejected(copied, "rejected: claims to come from payment-service");
    }

    private void assertRejected(Map<String, String> fields, String error) {
        redis.opsForStream().add(StreamRecords.mapBacked(fields).withStreamKey(STREAM));

        drain();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM effect", Integer.class)).as("never handled").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox_event", Integer.class))
                .as("not even recorded as seen, so the genuine event with that id would still count").isZero();
        Map<Object, Object> dead = redis.opsForStream().range(EventsProperties.DEAD_LETTERS,
                org.springframework.data.domain.Range.unbounded()).getFirst().getValue();
        assertThat(dead).containsEntry("id", fields.get("id")).containsEntry("deadLetter.attempts", "1");
        assertThat((String) dead.get("deadLetter.error")).contains(error);
        assertThat(pending()).as("acknowledged: it is not retried").isZero();
    }

    /** A genuine-looking SeatHeld signed with this service's own key, as the relay would publish it. */
    private Map<String, String> genuine(String type) {
        return new java.util.HashMap<>(signer.signedFields(new EventEnvelope(UUID.randomUUID(), type, 1,
                java.time.Instant.now(), "events-it", "seat-1", Map.of(), "{\"seat\":\"A-1-1\"}")));
    }

    private static EventEnvelope envelope(UUID id, String producer) {
        return new EventEnvelope(id, "SeatHeld", 1, java.time.Instant.now(), producer, "seat-1", Map.of(),
                "{\"seat\":\"A-1-1\"}");
    }

    private UUID publish(String type) {
        UUID id = transactions.execute(status -> outbox.append(type, 1, "seat-1", Map.of("seat", "A-1-1")));
        relay.publishBatch();
        return id;
    }

    private void drain() {
        while (consumers.pollOnce(STREAM) > 0) {
            // keep reading until the stream has nothing new for this group
        }
    }

    private List<Map<Object, Object>> entries() {
        return redis.opsForStream().range(STREAM, org.springframework.data.domain.Range.unbounded()).stream()
                .map(MapRecord::getValue).toList();
    }

    private int effects(UUID id) {
        return jdbc.queryForObject("SELECT count(*) FROM effect WHERE event_id = ?", Integer.class, id);
    }

    private long pending() {
        return redis.opsForStream().pending(STREAM, "events-it").getTotalPendingMessages();
    }

    private double deadLetterCount() {
        var counter = meters.find("boxoffice.stream.dead.letters").tag("stream", STREAM).counter();
        return counter == null ? 0 : counter.count();
    }

    private EventsProperties properties() {
        return new EventsProperties("events-it", Duration.ofMillis(200), 100, 1_000_000, Duration.ofMillis(100),
                Duration.ofMillis(300), 3, Duration.ZERO, false, Duration.ofMinutes(15));
    }
}
