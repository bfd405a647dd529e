package org.boxoffice.payment.sandbox;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.boxoffice.payment.provider.InvalidPaymentMethod;
import org.boxoffice.payment.provider.InvalidWebhook;
import org.boxoffice.payment.provider.PaymentProvider;
import org.boxoffice.payment.provider.RefundDeclined;
import org.boxoffice.platform.data.SqlByDesign;
import org.boxoffice.platform.events.TraceHandoff;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The built-in provider. It behaves like a remote one: card details reach it directly from the buyer's browser and
 * become a single-use token ({@code POST /sandbox/v1/tokens}, {@link #tokenize}), the only thing payment-service's API
 * accepts; its ledger is its own ({@code sandbox_*} tables, never read by payment code); a charge is only accepted at
 * first and confirmed later by {@link SandboxWorker}; and the outcome reaches payment-service as a signed webhook
 * over HTTP.
 */
@SqlByDesign("The sandbox stands for a remote provider: its ledger (sandbox_* tables) is the provider's own record, "
        + "kept apart from payment's entities so that reconciliation compares two independent records; a token is "
        + "used up by one guarded UPDATE ... RETURNING.")
@Component
class SandboxProvider implements PaymentProvider {

    static final String NAME = "sandbox";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger log = LoggerFactory.getLogger(SandboxProvider.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final SandboxProperties properties;
    private final String secret;
    /** The secret, then those being rotated out: a webhook signed with any of them verifies. */
    private final List<String> acceptedSecrets;
    private final TraceHandoff traces;
    private final SandboxFaults faults;
    private final ObjectProvider<SandboxWorker> worker;

    SandboxProvider(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, Clock clock,
            SandboxProperties properties, TraceHandoff traces, SandboxFaults faults, ObjectProvider<SandboxWorker> worker) {
        this.jdbc = jdbc;
        this.worker = worker;
        this.faults = faults;
        this.traces = traces;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        if (properties.webhookSecret() == null || properties.webhookSecret().isBlank()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            this.secret = "whsec_" + HexFormat.of().formatHex(random);
            log.warn("No BOXOFFICE_PAYMENT_SANDBOX_WEBHOOK_SECRET: generated one for this process; "
                    + "set it when more than one replica runs, or replicas will reject each other's webhooks");
        } else {
            this.secret = properties.webhookSecret();
        }
        this.acceptedSecrets = java.util.stream.Stream.concat(java.util.stream.Stream.of(secret),
                properties.webhookPreviousSecrets().stream().filter(previous -> !previous.isBlank())).toList();
    }

    @Override
    public String name() {
        return NAME;
    }

    String secret() {
        return secret;
    }

    /**
     * The provider's tokenization: card details in, a single-use token out. Keeps the last four digits, the expiry
     * and the test scenario the number chooses; the number and the CVC are dropped here.
     */
    SandboxToken tokenize(String number, int expMonth, int expYear) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        Instant now = clock.instant();
        SandboxToken token = new SandboxToken("tok_sbx_" + HexFormat.of().formatHex(random),
                number.substring(number.length() - 4), expMonth, expYear, now.plus(properties.tokenLifetime()));
        jdbc.sql("""
                INSERT INTO sandbox_token (id, card_last4, exp_month, exp_year, scenario, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(token.id(), token.last4(), expMonth, expYear, SandboxScenario.of(number).name(),
                        Timestamp.from(now), Timestamp.from(token.expiresAt()))
                .update();
        return token;
    }

    /** A token as the sandbox hands it out. */
    record SandboxToken(String id, String last4, int expMonth, int expYear, Instant expiresAt) {
    }

    @Override
    public PaymentMethod paymentMethod(String token) {
        record Row(String last4, int month, int year, Instant expiresAt, boolean used) {
        }
        Row row = jdbc.sql("SELECT card_last4, exp_month, exp_year, expires_at, used_at IS NOT NULL FROM sandbox_token"
                + " WHERE id = ?").param(token)
                .query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
                        rs.getBoolean(5)))
                .optional().orElseThrow(() -> new InvalidPaymentMethod("is not known to the sandbox"));
        if (row.used()) {
            throw new InvalidPaymentMethod("was already used");
        }
        if (!clock.instant().isBefore(row.expiresAt())) {
            throw new InvalidPaymentMethod("expired");
        }
        return new PaymentMethod(token, row.last4(), row.month(), row.year());
    }

    @Override
    public String charge(ChargeRequest request) {
        faults.beforeCharge();
        String charged = transactions.execute(status -> {
            // A retried charge returns the first one: it never charges twice (and finds its token used by itself).
            var existing = jdbc.sql("SELECT id FROM sandbox_charge WHERE reference = ?").param(request.reference())
                    .query(String.class).optional();
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = clock.instant();
            record Card(String last4, SandboxScenario scenario) {
            }
            Card card = jdbc.sql("""
                    UPDATE sandbox_token SET used_at = ?, used_by = ?
                     WHERE id = ? AND used_at IS NULL AND expires_at > ?
                    RETURNING card_last4, scenario""")
                    .params(Timestamp.from(now), request.reference(), request.paymentMethod(), Timestamp.from(now))
                    .query((rs, n) -> new Card(rs.getString(1), SandboxScenario.valueOf(rs.getString(2))))
                    .optional().orElseThrow(() -> new InvalidPaymentMethod("is unknown, expired or already used"));
            Instant confirmAt = now.plus(card.scenario() == SandboxScenario.SUCCEEDS_SLOWLY
                    ? properties.slowConfirmDelay() : properties.confirmDelay());
            String id = "pi_sbx_" + UUID.randomUUID().toString().replace("-", "");
            jdbc.sql("""
                    INSERT INTO sandbox_charge (id, reference, amount_minor, currency, card_last4, scenario, status,
                                                confirm_at, created_at, trace_context)
                    VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?::jsonb)""")
                    .params(id, request.reference(), request.amountMinor(), request.currency(), card.last4(),
                            card.scenario().name(), Timestamp.from(confirmAt), Timestamp.from(now), traceContext())
                    .update();
            // The back office then sleeps until this charge comes due, not until its next poll.
            worker.ifAvailable(SandboxWorker::wakeAfterCommit);
            return id;
        });
        faults.afterCharge();
        return java.util.Objects.requireNonNull(charged, "sandbox charge returned nothing");
    }

    @Override
    public java.util.Optional<String> chargeFor(UUID reference) {
        return jdbc.sql("SELECT id FROM sandbox_charge WHERE reference = ?").param(reference).query(String.class)
                .optional();
    }

    /** The buyer's trace, for the webhooks this charge will send (null when untraced). */
    private @Nullable String traceContext() {
        java.util.Map<String, String> trace = traces.current();
        return trace.isEmpty() ? null : json.writeValueAsString(trace);
    }

    @Override
    public ProviderRefund refund(String providerPaymentId, UUID refundId, long amountMinor, String currency) {
        ProviderRefund refund = transactions.execute(status -> {
            record Charge(String status, long amount, long refunded, String currency) {
            }
            Charge charge = jdbc.sql("""
                    SELECT status, amount_minor, refunded_minor, currency FROM sandbox_charge WHERE id = ? FOR UPDATE""")
                    .param(providerPaymentId)
                    .query((rs, row) -> new Charge(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
                    .optional().orElseThrow(() -> new RefundDeclined("no_such_payment"));
            // Under the charge's lock: a second call for the same refund finds the first one's row.
            var existing = jdbc.sql("SELECT id, amount_minor FROM sandbox_refund WHERE reference = ?").param(refundId)
                    .query((rs, row) -> new ProviderRefund(rs.getString(1), rs.getLong(2))).optional();
            if (existing.isPresent()) {
                return existing.get();
            }
            if (!charge.status().equals("SUCCEEDED")) {
                throw new RefundDeclined("payment_not_captured");
            }
            if (!charge.currency().equals(currency)) {
                throw new RefundDeclined("currency_mismatch");
            }
            if (amountMinor <= 0 || charge.refunded() + amountMinor > charge.amount()) {
                throw new RefundDeclined("amount_exceeds_remaining");
            }
            String id = "re_sbx_" + UUID.randomUUID().toString().replace("-", "");
            jdbc.sql("INSERT INTO sandbox_refund (id, charge_id, reference, amount_minor, created_at) VALUES (?, ?, ?, ?, ?)")
                    .params(id, providerPaymentId, refundId, amountMinor, Timestamp.from(clock.instant())).update();
            jdbc.sql("UPDATE sandbox_charge SET refunded_minor = refunded_minor + ? WHERE id = ?")
                    .params(amountMinor, providerPaymentId).update();
            return new ProviderRefund(id, amountMinor);
        });
        if (refund == null) {
            throw new IllegalStateException("sandbox refund returned nothing");
        }
        return refund;
    }

    @Override
    public ProviderEvent verifyWebhook(@Nullable String signatureHeader, byte[] body, Instant now) {
        SandboxSignature.verify(signatureHeader, body, acceptedSecrets, now, properties.tolerance());
        try {
            JsonNode event = json.readTree(body);
            JsonNode data = event.required("data");
            String type = event.required("type").asString();
            if (!List.of(ProviderEvent.PROCESSING, ProviderEvent.SUCCEEDED, ProviderEvent.FAILED).contains(type)) {
                throw InvalidWebhook.malformed("unknown type " + type);
            }
            JsonNode reason = data.get("failureReason");
            return new ProviderEvent(event.required("id").asString(), type, data.required("paymentId").asString(),
                    UUID.fromString(data.required("reference").asString()), data.required("amountMinor").asLong(),
                    data.required("currency").asString(), reason == null || reason.isNull() ? null : reason.asString(),
                    Instant.ofEpochSecond(event.required("created").asLong()));
        } catch (JacksonException | IllegalArgumentException e) {
            throw InvalidWebhook.malformed("missing or wrong fields");
        }
    }

    @Override
    public List<ProviderRecord> ledger(Instant since) {
        return jdbc.sql("""
                SELECT id, reference, status, amount_minor, currency, refunded_minor, failure_reason
                  FROM sandbox_charge WHERE created_at >= ? ORDER BY created_at""")
                .param(Timestamp.from(since))
                .query((rs, row) -> new ProviderRecord(rs.getString(1), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getLong(4), rs.getString(5), rs.getLong(6), rs.getString(7)))
                .list();
    }
}
