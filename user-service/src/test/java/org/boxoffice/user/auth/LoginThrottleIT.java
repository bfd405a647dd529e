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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins slow guessing down without locking anyone out: per (account, client) pair after three free failures
 * a wait of 20 s doubling up to 45 s, and per client a cap of 20 failures across accounts. Clients are named the way
 * the gateway names them, in X-Forwarded-For (the tests reach the service from loopback, which it trusts as its
 * gateway). "Waiting" is done by ending the wait in the table, not by sleeping.
 */
@IntegrationTest(properties = {
        "boxoffice.users.login.window=10m",
        "boxoffice.users.login.free-failures=3",
        "boxoffice.users.login.first-delay=20s",
        "boxoffice.users.login.max-delay=45s",
        "boxoffice.users.login.max-failures-per-client=20",
        // Every login here gets a hashing slot: a refusal for load is another test's subject (LoginSurgeIT).
        "boxoffice.users.hashing.max-wait=30s" })
class LoginThrottleIT {

    private static final String PASSWORD = "the organizer's passphrase";
    private static final String THROTTLED = "https://boxoffice.dev/problems/login-throttled";

    @Value("${local.server.port}")
    private int port;
    @Autowired
    private JdbcClient jdbc;
    private UserApi api;
    private String organizer;

    @BeforeEach
    void setUp() throws Exception {
        api = new UserApi(port);
        organizer = "organizer-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(api.register(organizer, PASSWORD).status()).isEqualTo(201);
    }

    @Test
    void fiftyFailedLoginsFromOneClientNeverKeepTheOwnerOutOnAnother() throws Exception {
        String attacker = "198.51.100.7";
        String door = "203.0.113.9";
        List<Integer> attack = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            attack.add(api.loginFrom(attacker, organizer, "guess number " + i + " abc").status());
        }

        assertThat(api.loginFrom(door, organizer, PASSWORD).status()).as("the owner at the door").isEqualTo(200);
        assertThat(api.loginFrom("203.0.113.10", organizer, PASSWORD).status()).as("from any other client")
                .isEqualTo(200);
        assertThat(attack.subList(0, 4)).as("three free failures and the one that starts the wait").containsOnly(401);
        assertThat(attack.subList(4, 50)).as("then the attacker waits").containsOnly(429);
    }

    @Test
    void theOwnerLogsInWhileTheAttackGoesOn() throws Exception {
        String attacker = "198.51.100.8";
        for (int i = 0; i < 4; i++) {
            api.loginFrom(attacker, organizer, "guess number " + i + " abc");
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<UserApi.Response>> attack = new ArrayList<>();
        List<Future<UserApi.Response>> staff = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(40)) {
            for (int i = 0; i < 32; i++) {
                String guess = "guess number " + (10 + i) + " abc";
                attack.add(threads.submit(() -> {
                    start.await();
                    return api.loginFrom(attacker, organizer, guess);
                }));
            }
            for (int device = 1; device <= 4; device++) {
                String client = "203.0.113." + (20 + device);
                staff.add(threads.submit(() -> {
                    start.await();
                    return api.loginFrom(client, organizer, PASSWORD);
                }));
            }
            start.countDown();
        }

        assertThat(staff).as("every door-staff device, during the attack")
                .allSatisfy(login -> assertThat(login.get().status()).isEqualTo(200));
        assertThat(attack).allSatisfy(guess -> assertThat(guess.get().status()).isEqualTo(429));
    }

    @Test
    void aFailingPairWaitsLongerAfterEachFailureAndTheRightPasswordWorksOnceItHasWaited() throws Exception {
        String client = "198.51.100.21";
        for (int i = 1; i <= 3; i++) {
            assertThat(api.loginFrom(client, organizer, "wrong guess " + i).status()).as("free failure " + i).isEqualTo(401);
        }

        for (long expectedWait : new long[] { 20, 40, 45 }) {
            assertThat(api.loginFrom(client, organizer, "one more wrong guess").status()).isEqualTo(401);
            UserApi.Response waiting = api.loginFrom(client, organizer, PASSWORD);
            assertThat(waiting.status()).as("even the right password waits its turn here").isEqualTo(429);
            assertThat(waiting.text("type")).isEqualTo(THROTTLED);
            assertThat(Long.parseLong(waiting.raw().headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(expectedWait - 5, expectedWait);
            endTheWait(organizer);
        }

        assertThat(api.loginFrom(client, organizer, PASSWORD).status()).isEqualTo(200);
        assertThat(api.loginFrom(client, organizer, "a typo after logging in").status()).isEqualTo(401);
        assertThat(api.loginFrom(client, organizer, PASSWORD).status()).as("a success starts the pair afresh")
                .isEqualTo(200);
    }

    @Test
    void oneClientGuessingAcrossAccountsIsStoppedWithoutTouchingAnyOtherClient() throws Exception {
        String stuffer = "198.51.100.33";
        for (int i = 0; i < 20; i++) {
            assertThat(api.loginFrom(stuffer, "victim-" + i + "-" + UUID.randomUUID() + "@example.com", "leaked pw 1")
                    .status()).isEqualTo(401);
        }

        UserApi.Response stopped = api.loginFrom(stuffer, organizer, PASSWORD);
        assertThat(stopped.status()).isEqualTo(429);
        assertThat(Long.parseLong(stopped.raw().headers().firstValue("Retry-After").orElseThrow()))
                .as("the client waits out the window").isBetween(595L, 600L);
        assertThat(api.loginFrom("198.51.100.34", organizer, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void anUnknownEmailIsThrottledExactlyLikeAKnownOne() throws Exception {
        String client = "198.51.100.45";
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 4; i++) {
            api.loginFrom(client, organizer, "wrong guess " + i);
            api.loginFrom(client, unknown, "wrong guess " + i);
        }

        UserApi.Response known = api.loginFrom(client, organizer, "wrong guess");
        UserApi.Response nobody = api.loginFrom(client, unknown, "wrong guess");

        assertThat(nobody.status()).isEqualTo(known.status()).isEqualTo(429);
        assertThat(nobody.text("type")).isEqualTo(known.text("type"));
        assertThat(nobody.raw().headers().firstValue("Retry-After")).isEqualTo(known.raw().headers().firstValue("Retry-After"));
    }

    private void endTheWait(String email) {
        jdbc.sql("UPDATE login_throttle SET blocked_until = now() WHERE subject LIKE ?").param("pair:" + email + " %")
                .update();
    }

}
