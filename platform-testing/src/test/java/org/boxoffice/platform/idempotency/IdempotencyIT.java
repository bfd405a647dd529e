package org.boxoffice.platform.idempotency;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared Idempotency-Key contract over HTTP, through Spring Security, on a real PostgreSQL: a retry gets the first
 * answer without the work running again, a reused key with another body is refused, concurrent duplicates run the
 * work once, a server error lets the retry run, an abandoned claim is taken over, a bad key is refused — and nothing
 * secret is kept: no token from a no-store response, no fingerprint of card data or passwords, nothing for a body that
 * is not JSON or a path excluded from idempotency.
 */
@IntegrationTest(properties = {
        "spring.application.name=idempotency-it",
        "boxoffice.db.schema=idempotency_it",
        "boxoffice.events.auto-startup=false",
        "boxoffice.idempotency.abandoned-after=2s",
        "boxoffice.idempotency.excluded-paths=/api/v1/test/excluded/**" })
class IdempotencyIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotencyPruner pruner;

    private final String buyer = TestTokens.buyer();

    @Test
    void aRetryReplaysTheFirstResponseWithoutRunningTheWorkAgain() throws Exception {
        String reference = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = post("/api/v1/test/charges", buyer, key, charge(reference, 1500, 0));
        HttpResponse<String> retry = post("/api/v1/test/charges", buyer, key, charge(reference, 1500, 0));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(runs(reference)).isEqualTo(1);
    }

    @Test
    void theSameKeyFromAnotherCallerIsAnotherRequest() throws Exception {
        String reference = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();

        post("/api/v1/test/charges", buyer, key, charge(reference, 100, 0));
        HttpResponse<String> other = post("/api/v1/test/charges", TestTokens.buyer(), key, charge(reference, 100, 0));

        assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(runs(reference)).isEqualTo(2);
    }

    @Test
    void refusesTheSameKeyWithADifferentRequest() throws Exception {
        String reference = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        post("/api/v1/test/charges", buyer, key, charge(reference, 1500, 0));

        HttpResponse<String> reused = post("/api/v1/test/charges", buyer, key, charge(reference, 9900, 0));

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(type(reused)).isEqualTo("https://boxoffice.dev/problems/idempotency-key-reused");
        assertThat(runs(reference)).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesRunTheWorkOnceAndTheOthersAreToldItIsInProgress() throws Exception {
        String reference = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        int callers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return post("/api/v1/test/charges", buyer, key, charge(reference, 700, 800));
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> response : responses) {
            statuses.add(response.get().statusCode());
        }

        assertThat(runs(reference)).isEqualTo(1);
        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        HttpResponse<String> afterwards = post("/api/v1/test/charges", buyer, key, charge(reference, 700, 800));
        assertThat(afterwards.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(runs(reference)).isEqualTo(1);
    }

    @Test
    void aServerErrorIsForgottenSoTheRetryRuns() throws Exception {
        String reference = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();

        HttpResponse<String> failed = post("/api/v1/test/flaky-charges", buyer, key, charge(reference, 100, 0));
        HttpResponse<String> retry = post("/api/v1/test/flaky-charges", buyer, key, charge(reference, 100, 0));
        HttpResponse<String> again = post("/api/v1/test/flaky-charges", buyer, key, charge(reference, 100, 0));

        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(runs(reference)).isEqualTo(2);
    }

    @Test
    void anAbandonedClaimIsTakenOverByTheRetry() throws Exception {
        String reference = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        HttpResponse<String> probe = post("/api/v1/test/charges", buyer, key, charge(reference, 100, 0));
        String scope = jdbc.queryForObject("SELECT scope FROM idempotency_record WHERE idempotency_key = ?",
                String.class, key);
        // As if the replica that claimed the key died mid-request a minute ago.
        jdbc.update("""
                UPDATE idempotency_record SET state = 'IN_PROGRESS', response_status = NULL, response_body = NULL,
                       created_at = now() - interval '1 minute' WHERE scope = ? AND idempotency_key = ?""", scope, key);

        HttpResponse<String> retry = post("/api/v1/test/charges", buyer, key, charge(reference, 100, 0));

        assertThat(probe.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(runs(reference)).isEqualTo(2);
    }

    @Test
    void refusesAnInvalidKeyWithoutRunningTheWork() throws Exception {
        String reference = UUID.randomUUID().toString();

        HttpResponse<String> tooLong = post("/api/v1/test/charges", buyer, "k".repeat(256), charge(reference, 1, 0));
        HttpResponse<String> empty = post("/api/v1/test/charges", buyer, "", charge(reference, 1, 0));

        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(type(tooLong)).isEqualTo("https://boxoffice.dev/problems/invalid-idempotency-key");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(runs(reference)).isZero();
    }

    @Test
    void prunesRecordsPastTheirRetention() throws Exception {
        String key = UUID.randomUUID().toString();
        post("/api/v1/test/charges", buyer, key, charge(UUID.randomUUID().toString(), 1, 0));
        jdbc.update("UPDATE idempotency_record SET created_at = ? WHERE idempotency_key = ?",
                java.sql.Timestamp.from(Instant.now().minusSeconds(25 * 3600)), key);

        assertThat(pruner.prune()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?",
                Integer.class, key)).isZero();
    }

    @Test
    void neverStoresAResponseMarkedNoStoreSoNoTokenIsKept() throws Exception {
        String reference = UUID.randomUUID().toString();
        String key = UUID.randomUUID().toString();
        String login = JSON.writeValueAsString(new IdempotencyTestApplication.Login(reference, "a long passphrase"));

        HttpResponse<String> first = post("/api/v1/test/sessions", buyer, key, login);
        HttpResponse<String> retry = post("/api/v1/test/sessions", buyer, key, login);

        String token = JSON.readTree(first.body()).get("accessToken").asString();
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(records(key)).as("no record, not even the claim, outlives the request").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE position(? IN"
                + " convert_from(coalesce(response_body, ''::bytea), 'UTF8')) > 0", Integer.class, token)).isZero();
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).as("runs again instead").isEmpty();
        assertThat(runs(reference)).isEqualTo(2);
    }

    @Test
    void fingerprintsAPaymentWithoutItsCardDataYetStillTellsRequestsApart() throws Exception {
        String reference = UUID.randomUUID().toString();
        String visa = UUID.randomUUID().toString();
        String mastercard = UUID.randomUUID().toString();

        post("/api/v1/test/payments", buyer, visa, payment(reference, 1500, "4242424242424242", "123"));
        post("/api/v1/test/payments", buyer, mastercard, payment(reference, 1500, "5555555555554444", "987"));
        HttpResponse<String> sameKeyOtherCard = post("/api/v1/test/payments", buyer, visa,
                payment(reference, 1500, "4000000000000002", "555"));
        HttpResponse<String> sameKeyOtherAmount = post("/api/v1/test/payments", buyer, visa,
                payment(reference, 9900, "4242424242424242", "123"));

        assertThat(requestHash(visa)).as("nothing in the fingerprint depends on the card").isEqualTo(requestHash(mastercard));
        assertThat(sameKeyOtherCard.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(sameKeyOtherAmount.statusCode()).isEqualTo(422);
        assertThat(runs(reference)).isEqualTo(2);
    }

    @Test
    void keepsNoRecordForABodyThatIsNotJsonNorForAnExcludedPath() throws Exception {
        String malformedKey = UUID.randomUUID().toString();
        String excludedKey = UUID.randomUUID().toString();
        String reference = UUID.randomUUID().toString();

        HttpResponse<String> malformed = post("/api/v1/test/payments", buyer, malformedKey,
                "{\"card\":{\"number\":\"4242424242424242\",\"cvc\":\"123\"");
        HttpResponse<String> excluded = post("/api/v1/test/excluded/charges", buyer, excludedKey, charge(reference, 1, 0));
        HttpResponse<String> excludedAgain = post("/api/v1/test/excluded/charges", buyer, excludedKey,
                charge(reference, 1, 0));

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(records(malformedKey)).isZero();
        assertThat(excluded.statusCode()).isEqualTo(201);
        assertThat(excludedAgain.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(records(excludedKey)).isZero();
        assertThat(runs(reference)).isEqualTo(2);
    }

    private int records(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", Integer.class,
                key);
    }

    private String requestHash(String key) {
        return jdbc.queryForObject("SELECT request_hash FROM idempotency_record WHERE idempotency_key = ?",
                String.class, key);
    }

    private static String payment(String reference, long amountMinor, String number, String cvc) {
        return JSON.writeValueAsString(new IdempotencyTestApplication.Payment(reference, amountMinor,
                new IdempotencyTestApplication.Card(number, cvc)));
    }

    private HttpResponse<String> post(String path, String token, String key, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String charge(String reference, long amountMinor, long workMillis) {
        return JSON.writeValueAsString(new IdempotencyTestApplication.Charge(reference, amountMinor, workMillis));
    }

    private static int runs(String reference) {
        var runs = IdempotencyTestApplication.RUNS.get(reference);
        return runs == null ? 0 : runs.get();
    }

    private static String type(HttpResponse<String> response) {
        JsonNode problem = JSON.readTree(response.body());
        return problem.get("type").asString();
    }
}
