package org.boxoffice.payment.sandbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.boxoffice.payment.provider.PaymentProvider.ProviderEvent;
import org.boxoffice.platform.background.BackgroundTask;
import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.events.TraceHandoff;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's back office: confirms charges whose time has come (deciding their outcome and queuing the webhooks
 * in the same transaction) and delivers queued webhooks, signed at send time, until the endpoint answers 2xx, with
 * exponential backoff. Queued webhooks are rows, so a crash loses none; a delivery is leased before it is sent, so
 * replicas never send the same row at once, and one that dies mid-send is retried after the lease. A webhook is sent
 * in the trace of the request that created its charge ({@link TraceHandoff}), through Boot's observed
 * {@link RestClient}, so the payment it confirms stays in the buyer's trace.
 */
@SqlByDesign("The provider's back office: claims due charges and webhooks with FOR UPDATE SKIP LOCKED, so replicas "
        + "share the work without waiting on each other, and leases deliveries with one set-based UPDATE ... RETURNING.")
@Component
class SandboxWorker extends BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(SandboxWorker.class);
    private static final Duration LEASE = Duration.ofSeconds(30);
    static final String WEBHOOK_PATH = "/api/v1/webhooks/payments/" + SandboxProvider.NAME;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final SandboxProperties properties;
    private final SandboxProvider provider;
    private final Environment environment;
    private final RestClient http;
    private final TraceHandoff traces;

    SandboxWorker(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock,
            SandboxProperties properties, SandboxProvider provider, Environment environment, RestClient.Builder http,
            ClientHttpRequestFactoryBuilder<?> requests, TraceHandoff traces) {
        super("sandbox-provider", properties.pollInterval(), properties.autoStartup());
        this.http = http.requestFactory(requests.build(HttpClientSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)))).build();
        this.traces = traces;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        this.provider = provider;
        this.environment = environment;
    }

    /** A round that did something runs again at once; only an idle one asks {@link #idleWait()} how long to sleep. */
    @Override
    protected boolean runOnce() {
        return confirmDueCharges() + deliverDueWebhooks() > 0;
    }

    /**
     * Sleeps until the next charge or webhook comes due, at most {@code poll-interval}: a charge made on this replica
     * wakes it when it commits ({@link SandboxProvider}), and the poll covers other replicas' charges.
     */
    @Override
    protected Duration idleWait() {
        Instant now = clock.instant();
        return jdbc.sql("""
                SELECT least((SELECT min(confirm_at) FROM sandbox_charge WHERE status = 'PENDING'),
                             (SELECT min(deliver_after) FROM sandbox_webhook WHERE delivered_at IS NULL))""")
                .query(Timestamp.class).optional()
                .map(next -> Duration.between(now, next.toInstant()))
                .filter(wait -> wait.compareTo(properties.pollInterval()) < 0)
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .orElse(properties.pollInterval());
    }

    private record DueCharge(String id, String reference, long amountMinor, String currency, SandboxScenario scenario,
            @Nullable String traceContext) {
    }

    /** Confirms every charge whose confirmation time has passed; returns how many. */
    int confirmDueCharges() {
        Integer confirmed = transactions.execute(status -> {
            Instant now = clock.instant();
            List<DueCharge> due = jdbc.sql("""
                    SELECT id, reference, amount_minor, currency, scenario, trace_context::text FROM sandbox_charge
                     WHERE status = 'PENDING' AND confirm_at <= ? ORDER BY confirm_at LIMIT 50
                       FOR UPDATE SKIP LOCKED""")
                    .param(Timestamp.from(now))
                    .query((rs, row) -> new DueCharge(rs.getString(1), rs.getString(2), rs.getLong(3),
                            rs.getString(4), SandboxScenario.valueOf(rs.getString(5)), rs.getString(6)))
                    .list();
            for (DueCharge charge : due) {
                boolean declined = charge.scenario() == SandboxScenario.DECLINED;
                String reason = declined ? "card_declined" : null;
                jdbc.sql("UPDATE sandbox_charge SET status = ?, failure_reason = ? WHERE id = ?")
                        .params(declined ? "FAILED" : "SUCCEEDED", reason, charge.id()).update();
                String outcome = declined ? ProviderEvent.FAILED : ProviderEvent.SUCCEEDED;
                switch (charge.scenario()) {
                    case DUPLICATE_WEBHOOK -> {
                        String event = event(charge, outcome, reason, now);
                        queue(event, now, charge.traceContext());
                        queue(event, now, charge.traceContext());
                    }
                    case OUT_OF_ORDER -> {
                        queue(event(charge, outcome, null, now), now, charge.traceContext());
                        queue(event(charge, ProviderEvent.PROCESSING, null, now.minusMillis(1)),
                                now.plus(properties.outOfOrderGap()), charge.traceContext());
                    }
                    default -> queue(event(charge, outcome, reason, now), now, charge.traceContext());
                }
            }
            return due.size();
        });
        return confirmed == null ? 0 : confirmed;
    }

    private record Delivery(long id, String payload, int attempts, @Nullable String traceContext) {
    }

    /** Sends every webhook that is due; returns how many were accepted with a 2xx. */
    int deliverDueWebhooks() {
        List<Delivery> due = transactions.execute(status -> {
            Instant now = clock.instant();
            return jdbc.sql("""
                    UPDATE sandbox_webhook SET deliver_after = ?, attempts = attempts + 1
                     WHERE id IN (SELECT id FROM sandbox_webhook
                                   WHERE delivered_at IS NULL AND deliver_after <= ?
                                   ORDER BY deliver_after, id LIMIT 20 FOR UPDATE SKIP LOCKED)
                    RETURNING id, payload, attempts, trace_context::text""")
                    .params(Timestamp.from(now.plus(LEASE)), Timestamp.from(now))
                    .query((rs, row) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
                    .list();
        });
        int delivered = 0;
        for (Delivery delivery : due == null ? List.<Delivery>of() : due.stream()
                .sorted(java.util.Comparator.comparingLong(Delivery::id)).toList()) {
            @Nullable String error = traces.continueTrace(trace(delivery.traceContext()), "sandbox webhook",
                    () -> send(delivery.payload()));
            if (error == null) {
                jdbc.sql("UPDATE sandbox_webhook SET delivered_at = ?, last_error = NULL WHERE id = ?")
                        .params(Timestamp.from(clock.instant()), delivery.id()).update();
                delivered++;
            } else {
                Duration backoff = backoff(delivery.attempts());
                log.info("Sandbox webhook {} not accepted ({}); retrying in {}", delivery.id(), error, backoff);
                jdbc.sql("UPDATE sandbox_webhook SET deliver_after = ?, last_error = ? WHERE id = ?")
                        .params(Timestamp.from(clock.instant().plus(backoff)), error, delivery.id()).update();
            }
        }
        return delivered;
    }

    /** 1 s, 2 s, 4 s, ... up to {@code max-backoff}. */
    Duration backoff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration wait = Duration.ofSeconds(seconds);
        return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
    }

    /** Null when the endpoint accepted it, else why not. */
    private @Nullable String send(String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        try {
            int status = http.post().uri(webhookUrl())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(SandboxSignature.HEADER, SandboxSignature.header(provider.secret(), clock.instant(), body))
                    .body(body)
                    .exchange((request, response) -> response.getStatusCode().value());
            return status / 100 == 2 ? null : "HTTP " + status;
        } catch (RestClientException e) {
            return e.getMostSpecificCause().toString();
        }
    }

    private Map<String, String> trace(@Nullable String traceContext) {
        return traceContext == null ? Map.of() : json.readValue(traceContext, new TypeReference<Map<String, String>>() { });
    }

    private URI webhookUrl() {
        if (properties.webhookUrl() != null) {
            return properties.webhookUrl();
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8083"));
        return URI.create("http://127.0.0.1:" + port + WEBHOOK_PATH);
    }

    private String event(DueCharge charge, String type, @Nullable String reason, Instant created) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("paymentId", charge.id());
        data.put("reference", charge.reference());
        data.put("amountMinor", charge.amountMinor());
        data.put("currency", charge.currency());
        data.put("failureReason", reason);
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", "evt_sbx_" + java.util.UUID.randomUUID().toString().replace("-", ""));
        event.put("type", type);
        event.put("created", created.getEpochSecond());
        event.put("data", data);
        return json.writeValueAsString(event);
    }

    private void queue(String payload, Instant deliverAfter, @Nullable String traceContext) {
        String eventId = json.readTree(payload).get("id").asString();
        jdbc.sql("INSERT INTO sandbox_webhook (event_id, payload, deliver_after, trace_context) VALUES (?, ?, ?, ?::jsonb)")
                .params(eventId, payload, Timestamp.from(deliverAfter), traceContext).update();
    }
}
