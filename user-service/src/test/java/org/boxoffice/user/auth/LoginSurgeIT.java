package org.boxoffice.user.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.user.UserApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A surge of logins against a deliberately small hashing limit (one bcrypt at a time, a 20 ms wait): the logins that
 * get a slot succeed, the others are told to come back ({@code 429 too-many-requests} with {@code Retry-After}), and
 * none ends as a server error or a timeout. A refusal for load is not a failed login: the accounts are not throttled
 * afterwards.
 */
@IntegrationTest(properties = {
        "boxoffice.users.hashing.max-concurrent=1",
        "boxoffice.users.hashing.max-wait=20ms",
        "boxoffice.users.hashing.retry-after=2s",
        "boxoffice.users.login.free-failures=0",
        "boxoffice.users.login.first-delay=1m" })
class LoginSurgeIT {

    private static final String PASSWORD = "surge of buyers 2026";
    private static final int BUYERS = 6;
    private static final int LOGINS_PER_BUYER = 4;

    @Value("${local.server.port}")
    private int port;

    @Test
    void answersTheLoginsItCannotHashNowWith429AndRetryAfterAndTheRestWith200() throws Exception {
        UserApi api = new UserApi(port);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < BUYERS; i++) {
            String email = "surge-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            assertThat(api.register(email, PASSWORD).status()).isEqualTo(201);
            emails.add(email);
        }

        List<UserApi.Response> answers = new ArrayList<>();
        // All at once, on as many threads as requests. One round almost always shows both outcomes; the rounds only
        // guard against a scheduler that happened to serialise every request.
        for (int round = 0; round < 5 && answers.stream().noneMatch(r -> r.status() == 429); round++) {
            answers.addAll(surge(api, emails));
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.raw().body()).isIn(200, 429));
        List<UserApi.Response> refused = answers.stream().filter(r -> r.status() == 429).toList();
        assertThat(refused).as("logins refused for load").isNotEmpty();
        assertThat(answers).as("logins that got a hashing slot").anyMatch(r -> r.status() == 200);
        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.raw().headers().firstValue("Retry-After")).hasValue("2");
            assertThat(answer.text("type")).isEqualTo("https://boxoffice.dev/problems/too-many-requests");
            assertThat(answer.body().path("retryAfterSeconds").asLong()).isEqualTo(2);
            assertThat(answer.body().has("accessToken")).isFalse();
        });
        assertThat(answers.stream().filter(r -> r.status() == 200))
                .allSatisfy(answer -> assertThat(answer.text("accessToken")).isNotBlank());

        // One failure would make the next login of that account from here wait a minute, yet every account still logs
        // in: load is not guessing.
        for (String email : emails) {
            assertThat(api.login(email, PASSWORD).status()).as(email).isEqualTo(200);
        }
    }

    private static List<UserApi.Response> surge(UserApi api, List<String> emails) throws Exception {
        int requests = emails.size() * LOGINS_PER_BUYER;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<UserApi.Response>> pending = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(requests)) {
            for (int i = 0; i < requests; i++) {
                String email = emails.get(i % emails.size());
                pending.add(threads.submit(() -> {
                    start.await();
                    return api.login(email, PASSWORD);
                }));
            }
            start.countDown();
            List<UserApi.Response> answers = new ArrayList<>();
            for (Future<UserApi.Response> answer : pending) {
                answers.add(answer.get());
            }
            return answers;
        }
    }
}
