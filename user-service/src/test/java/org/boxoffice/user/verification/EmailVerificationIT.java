package org.boxoffice.user.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.boxoffice.platform.events.OutboxRelay;
import org.boxoffice.platform.security.VerificationCodes;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestEventKeys;
import org.boxoffice.user.UserApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding 5 of issue #20, the account's side: an address is verified only by the code mailed to it. The code travels
 * nowhere but in that mail (the event names the verification, notification-service derives the code), is kept only
 * as a hash, works once and for a while, allows five guesses however fast they come, and codes cannot be asked for
 * in a loop. Verifying announces EmailVerified once, through the outbox, signed, on user-service's stream.
 */
@IntegrationTest
class EmailVerificationIT {

    private static final String PASSWORD = "correct horse battery";
    private static final VerificationCodes CODES = new VerificationCodes(TestEventKeys.VERIFICATION_CODE_KEY);

    @Value("${local.server.port}")
    private int port;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private OutboxRelay relay;
    @Autowired
    private StringRedisTemplate redis;
    private UserApi api;
    private String email;
    private String token;

    @BeforeEach
    void newAccount() throws Exception {
        api = new UserApi(port);
        email = "verify-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        token = api.accessTokenOfNewAccount(email, PASSWORD);
    }

    @Test
    void aNewAccountIsUnverifiedUntilItsOwnerTypesBackTheCodeMailedToIt() throws Exception {
        assertThat(state().path("verified").asBoolean()).isFalse();

        UserApi.Response sent = api.post("/api/v1/users/me/email-verification", null, token);

        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.text("email")).isEqualTo(email);
        JsonNode requested = published("EmailVerificationRequested");
        UUID verification = UUID.fromString(requested.path("verificationId").asString());
        String code = CODES.code(verification, email);
        assertThat(requested.has("code")).as("the event names the verification, not its code").isFalse();
        assertThat(requested.toString()).doesNotContain(code);
        assertThat(jdbc.sql("SELECT code_hash FROM email_verifications WHERE id = ?").param(verification)
                .query(String.class).single()).isEqualTo(VerificationCodes.hash(verification, code)).doesNotContain(code);

        UserApi.Response wrong = confirm(code.equals("000000") ? "000001" : "000000");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.text("type")).endsWith("/invalid-verification-code");
        assertThat(wrong.body().path("attemptsLeft").asInt()).isEqualTo(4);
        assertThat(confirm("12345").status()).as("not six digits").isEqualTo(400);

        UserApi.Response confirmed = confirm(code);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().path("verified").asBoolean()).isTrue();
        assertThat(state().path("verified").asBoolean()).isTrue();
        JsonNode verified = published("EmailVerified");
        assertThat(verified.path("email").asString()).isEqualTo(email);
        assertThat(confirm(code).status()).as("confirming again changes nothing").isEqualTo(200);
        assertThat(outbox("EmailVerified")).as("announced once").isEqualTo(1);
        UserApi.Response again = api.post("/api/v1/users/me/email-verification", null, token);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).endsWith("/email-already-verified");
        assertThat(api.post("/api/v1/users/me/email-verification", null, null).status()).isEqualTo(401);
    }

    @Test
    void aCodeWorksOnceOnlyUntilItExpiresAndANewCodeReplacesTheOldOne() throws Exception {
        api.post("/api/v1/users/me/email-verification", null, token);
        UUID first = latestVerification();
        jdbc.sql("UPDATE email_verifications SET created_at = created_at - interval '2 minutes' WHERE id = ?")
                .param(first).update();
        assertThat(api.post("/api/v1/users/me/email-verification", null, token).status()).isEqualTo(202);
        UUID second = latestVerification();

        assertThat(confirm(CODES.code(first, email)).text("type")).as("replaced by the newer code")
                .endsWith("/invalid-verification-code");
        jdbc.sql("UPDATE email_verifications SET expires_at = now() - interval '1 second' WHERE id = ?").param(second)
                .update();
        assertThat(confirm(CODES.code(second, email)).text("type")).endsWith("/verification-code-expired");
        assertThat(state().path("verified").asBoolean()).isFalse();
    }

    @Test
    void codesCannotBeAskedForInALoop() throws Exception {
        assertThat(api.post("/api/v1/users/me/email-verification", null, token).status()).isEqualTo(202);

        UserApi.Response tooSoon = api.post("/api/v1/users/me/email-verification", null, token);

        assertThat(tooSoon.status()).isEqualTo(429);
        assertThat(tooSoon.text("type")).endsWith("/too-many-verification-codes");
        assertThat(tooSoon.raw().headers().firstValue("Retry-After")).isPresent();
        for (int i = 0; i < 6; i++) {
            jdbc.sql("UPDATE email_verifications SET created_at = created_at - interval '2 minutes'"
                    + " WHERE account_id = (SELECT id FROM accounts WHERE email = ?)").param(email).update();
            api.post("/api/v1/users/me/email-verification", null, token);
        }
        assertThat(jdbc.sql("""
                SELECT count(*) FROM email_verifications
                 WHERE account_id = (SELECT id FROM accounts WHERE email = ?) AND created_at > now() - interval '1 hour'""")
                .param(email).query(Long.class).single()).as("five codes an hour").isEqualTo(5);
        assertThat(outbox("EmailVerificationRequested")).isEqualTo(5);
    }

    @Test
    void fiveGuessesAreAllACodeAllowsEvenWhenTheyArriveTogether() throws Exception {
        api.post("/api/v1/users/me/email-verification", null, token);
        String code = CODES.code(latestVerification(), email);
        String wrong = code.equals("123456") ? "654321" : "123456";

        CountDownLatch start = new CountDownLatch(1);
        List<Future<UserApi.Response>> guesses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                guesses.add(pool.submit(() -> {
                    start.await();
                    return confirm(wrong);
                }));
            }
            start.countDown();
        }
        List<String> types = new ArrayList<>();
        for (Future<UserApi.Response> guess : guesses) {
            types.add(guess.get().text("type"));
        }

        assertThat(types).filteredOn(t -> t.endsWith("/invalid-verification-code")).hasSize(5);
        assertThat(types).filteredOn(t -> t.endsWith("/verification-code-expired")).hasSize(7);
        assertThat(confirm(code).text("type")).as("the right code after five wrong ones")
                .endsWith("/verification-code-expired");
        assertThat(state().path("verified").asBoolean()).isFalse();
    }

    private UserApi.Response confirm(String code) throws Exception {
        return api.post("/api/v1/users/me/email-verification/confirm", "{\"code\":\"" + code + "\"}", token);
    }

    private JsonNode state() throws Exception {
        return api.get("/api/v1/users/me/email-verification", token).body();
    }

    private UUID latestVerification() {
        return jdbc.sql("""
                SELECT v.id FROM email_verifications v JOIN accounts a ON a.id = v.account_id
                 WHERE a.email = ? ORDER BY v.created_at DESC LIMIT 1""").param(email).query(UUID.class).single();
    }

    private long outbox(String type) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE type = ? AND payload ->> 'email' = ?")
                .params(type, email).query(Long.class).single();
    }

    /**
     * The payload of this account's last event of the type, as the relay published it on user-service's stream —
     * waiting for the relay, which runs in the background too (and may be the one holding the relay lock).
     */
    private JsonNode published(String type) {
        java.util.concurrent.atomic.AtomicReference<JsonNode> found = new java.util.concurrent.atomic.AtomicReference<>();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> {
            relay.publishBatch();
            for (var entry : redis.opsForStream().range("boxoffice.events.user-service", Range.unbounded())) {
                if (type.equals(entry.getValue().get("type"))) {
                    assertThat(entry.getValue()).as("signed by user-service").containsKey("signature");
                    JsonNode payload = UserApi.JSON.readTree((String) entry.getValue().get("payload"));
                    if (email.equals(payload.path("email").asString())) {
                        found.set(payload);
                    }
                }
            }
            return found.get() != null;
        });
        return found.get();
    }
}
