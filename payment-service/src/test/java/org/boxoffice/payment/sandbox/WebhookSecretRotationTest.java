package org.boxoffice.payment.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.boxoffice.payment.provider.InvalidWebhook;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rotating the sandbox's webhook secret, as the replicas go through it (docs/payments.md, "Rotating the webhook
 * secret"): before, the old secret signs and verifies; during the overlap the new one signs and both verify, so a
 * webhook signed by a replica not yet rolled (or queued before the roll) is still accepted; after, only the new one
 * verifies.
 */
class WebhookSecretRotationTest {

    private static final Instant NOW = Instant.parse("2026-12-03T14:00:00Z");
    private static final String OLD = "whsec_old_0123456789abcdef0123456789abcdef";
    private static final String NEW = "whsec_new_fedcba9876543210fedcba9876543210";

    private final UUID reference = UUID.randomUUID();
    private final byte[] body = ("{\"id\":\"evt_1\",\"type\":\"payment.succeeded\",\"created\":" + NOW.getEpochSecond()
            + ",\"data\":{\"paymentId\":\"pi_sbx_1\",\"reference\":\"" + reference
            + "\",\"amountMinor\":7000,\"currency\":\"EUR\",\"failureReason\":null}}").getBytes(StandardCharsets.UTF_8);

    @Test
    void oldSignaturesVerifyDuringTheOverlapAndOnlyNewOnesAfter() {
        String signedBefore = SandboxSignature.header(OLD, NOW, body);
        SandboxProvider before = provider(OLD);
        SandboxProvider during = provider(NEW, OLD);
        SandboxProvider after = provider(NEW);
        String signedDuring = SandboxSignature.header(during.secret(), NOW, body);

        assertThat(before.verifyWebhook(signedBefore, body, NOW).reference()).isEqualTo(reference);
        assertThat(during.secret()).as("new webhooks are signed with the new secret").isEqualTo(NEW);
        assertThat(during.verifyWebhook(signedBefore, body, NOW).reference()).isEqualTo(reference);
        assertThat(during.verifyWebhook(signedDuring, body, NOW).reference()).isEqualTo(reference);
        assertThat(after.verifyWebhook(signedDuring, body, NOW).reference()).isEqualTo(reference);
        assertThatThrownBy(() -> after.verifyWebhook(signedBefore, body, NOW)).isInstanceOf(InvalidWebhook.class);
        assertThatThrownBy(() -> before.verifyWebhook(signedDuring, body, NOW)).isInstanceOf(InvalidWebhook.class);
    }

    @Test
    void aPreviousSecretDoesNotWeakenTheOtherChecks() {
        SandboxProvider during = provider(NEW, OLD);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("7000", "1").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> during.verifyWebhook(SandboxSignature.header(OLD, NOW, body), tampered, NOW))
                .isInstanceOf(InvalidWebhook.class);
        assertThatThrownBy(() -> during.verifyWebhook(SandboxSignature.header(OLD, NOW.minus(Duration.ofMinutes(6)),
                body), body, NOW)).isInstanceOf(InvalidWebhook.class);
        assertThatThrownBy(() -> during.verifyWebhook(SandboxSignature.header("whsec_guessed", NOW, body), body, NOW))
                .isInstanceOf(InvalidWebhook.class);
    }

    private static SandboxProvider provider(String secret, String... previous) {
        SandboxProperties properties = new SandboxProperties(secret, List.of(previous), null, Duration.ofMillis(300),
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMillis(200),
                Duration.ofMinutes(5), false, Duration.ofMinutes(15));
        // Verifying a webhook reads no table: the sandbox's ledger, trace hand-off, faults and worker are not needed.
        return new SandboxProvider(null, null, JsonMapper.builder().build(), Clock.fixed(NOW, ZoneOffset.UTC),
                properties, null, null, null);
    }
}
