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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration (alike whether or not the email is taken), login, refresh-token rotation and reuse detection, logout,
 * password change, passwords over bcrypt's limit, no tokens in idempotency records, bad input. Failed-login
 * throttling: {@link LoginThrottleIT}.
 */
@IntegrationTest
class AuthenticationIT {

    private static final String PASSWORD = "correct horse battery";

    @Value("${local.server.port}")
    private int port;
    @Autowired
    private JdbcClient jdbc;
    private UserApi api;
    private String email;

    @BeforeEach
    void setUp() {
        api = new UserApi(port);
        email = "buyer-" + UUID.randomUUID().toString().substring(0, 8) + "@Example.COM";
    }

    @Test
    void registersABuyerWithANormalisedEmailAndLogsIn() throws Exception {
        UserApi.Response registered = api.register("  " + email + " ", PASSWORD);

        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.text("email")).isEqualTo(email.toLowerCase());
        assertThat(registered.body().path("roles").toString()).isEqualTo("[\"BUYER\"]");
        assertThat(registered.body().has("passwordHash")).isFalse();

        UserApi.Response login = api.login(email.toUpperCase(), PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.raw().headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(login.body().path("expiresIn").asLong()).isEqualTo(900);

        UserApi.Response me = api.get("/api/v1/users/me", login.text("accessToken"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("id")).isEqualTo(registered.text("id"));
    }

    @Test
    void answersARegistrationOfATakenEmailExactlyLikeANewOneChangesNothingAndTellsTheOwnerOnce() throws Exception {
        UserApi.Response original = api.register(email, PASSWORD);
        UserApi.Response fresh = api.register("fresh-" + email, "another passphrase 1");

        UserApi.Response taken = api.register(email.toUpperCase(), "another passphrase 1");
        UserApi.Response takenAgain = api.register(email, "yet another passphrase");

        for (UserApi.Response answer : java.util.List.of(taken, takenAgain)) {
            assertThat(answer.status()).isEqualTo(fresh.status()).isEqualTo(201);
            assertThat(answer.raw().headers().firstValue("Location")).isEqualTo(fresh.raw().headers().firstValue("Location"));
            assertThat(fieldNames(answer)).isEqualTo(fieldNames(fresh));
            assertThat(answer.text("email")).isEqualTo(email.toLowerCase());
            assertThat(answer.body().path("roles").toString()).isEqualTo(fresh.body().path("roles").toString());
            assertThat(answer.body().path("organizations").toString()).isEqualTo("[]");
            assertThat(java.time.Instant.parse(answer.text("createdAt")).getNano() % 1_000)
                    .as("microseconds, as a stored account's").isZero();
            assertThat(answer.text("id")).isNotEqualTo(original.text("id"));
        }
        assertThat(api.login(email, PASSWORD).status()).as("the account is unchanged").isEqualTo(200);
        assertThat(api.login(email, "another passphrase 1").status()).isEqualTo(401);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM outbox_event
                 WHERE type = 'RegistrationAttempted' AND event_key = ? AND payload ->> 'email' = ?""")
                .params(original.text("id"), email.toLowerCase()).query(Integer.class).single())
                .as("the owner is told once, not once per attempt").isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed email | {\"email\":\"not-an-email\",\"password\":\"correct horse battery\"} | email",
            "short password | {\"email\":\"a@example.com\",\"password\":\"short\"} | password",
            "missing password | {\"email\":\"a@example.com\"} | password",
            "password of one character | {\"email\":\"a@example.com\",\"password\":\"aaaaaaaaaaaaaaaa\"} | password",
            "password containing the email | {\"email\":\"jonathan@example.com\",\"password\":\"jonathan-1234567\"} | password" })
    void rejectsInvalidRegistrationNamingTheField(String rule, String json, String field) throws Exception {
        UserApi.Response response = api.post("/api/v1/auth/register", json, null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("type")).isEqualTo("https://boxoffice.dev/problems/validation-failed");
        assertThat(response.body().path("errors").get(0).path("field").asString()).isEqualTo(field);
    }

    @Test
    void rejectsUnknownFieldsSuchAsSelfAssignedRoles() throws Exception {
        UserApi.Response response = api.post("/api/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"ADMIN\"]}", null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("detail")).isEqualTo("Unknown field 'roles'.");
    }

    @Test
    void answersAWrongPasswordAndAnUnknownEmailAlike() throws Exception {
        api.register(email, PASSWORD);

        UserApi.Response wrongPassword = api.login(email, "wrong password here");
        UserApi.Response unknownEmail = api.login("nobody-" + email, PASSWORD);

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(wrongPassword.text("detail")).isEqualTo(unknownEmail.text("detail"));
        assertThat(wrongPassword.text("type")).isEqualTo("https://boxoffice.dev/problems/invalid-credentials");
    }

    @Test
    void rotatesTheRefreshTokenAndRevokesTheFamilyWhenARotatedTokenIsReused() throws Exception {
        api.register(email, PASSWORD);
        String first = api.login(email, PASSWORD).text("refreshToken");

        UserApi.Response refreshed = refresh(first);
        assertThat(refreshed.status()).isEqualTo(200);
        String second = refreshed.text("refreshToken");
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get("/api/v1/users/me", refreshed.text("accessToken")).status()).isEqualTo(200);

        UserApi.Response replay = refresh(first);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.text("type")).isEqualTo("https://boxoffice.dev/problems/refresh-token-reused");
        assertThat(refresh(second).status()).as("the legitimate successor is revoked with its family").isEqualTo(401);
    }

    @Test
    void exchangesARefreshTokenOnceWhenItArrivesManyTimesTogetherAndEndsTheSession() throws Exception {
        api.register(email, PASSWORD);
        String token = api.login(email, PASSWORD).text("refreshToken");

        CountDownLatch start = new CountDownLatch(1);
        List<Future<UserApi.Response>> exchanges = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 16; i++) {
                exchanges.add(pool.submit(() -> {
                    start.await();
                    return refresh(token);
                }));
            }
            start.countDown();
        }
        List<UserApi.Response> answers = new ArrayList<>();
        for (Future<UserApi.Response> exchange : exchanges) {
            answers.add(exchange.get());
        }

        List<UserApi.Response> granted = answers.stream().filter(answer -> answer.status() == 200).toList();
        assertThat(granted).as("exactly one request exchanges the token").hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.status() != 200).extracting(answer -> answer.text("type"))
                .hasSize(15).containsOnly("https://boxoffice.dev/problems/refresh-token-reused");
        assertThat(refresh(granted.getFirst().text("refreshToken")).status())
                .as("a token presented twice ends the session, the winner's successor too").isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_tokens t JOIN accounts a ON a.id = t.account_id"
                + " WHERE a.email = ? AND t.revoked_at IS NULL").param(email.toLowerCase()).query(Long.class).single())
                .isZero();
    }

    @Test
    void refusesAnExpiredRefreshTokenAndLeavesItAsItWas() throws Exception {
        api.register(email, PASSWORD);
        String token = api.login(email, PASSWORD).text("refreshToken");
        jdbc.sql("UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE account_id ="
                + " (SELECT id FROM accounts WHERE email = ?)").param(email.toLowerCase()).update();

        UserApi.Response expired = refresh(token);

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.text("type")).isEqualTo("https://boxoffice.dev/problems/invalid-refresh-token");
        assertThat(expired.text("detail")).contains("expired");
        assertThat(jdbc.sql("SELECT count(*) FROM refresh_tokens t JOIN accounts a ON a.id = t.account_id"
                + " WHERE a.email = ? AND (t.replaced_at IS NOT NULL OR t.revoked_at IS NOT NULL)")
                .param(email.toLowerCase()).query(Long.class).single()).as("not marked used, nothing revoked").isZero();
        assertThat(refresh("not-a-token-we-issued").text("detail")).contains("not known");
    }

    @Test
    void logoutEndsTheSessionButNotOtherSessions() throws Exception {
        api.register(email, PASSWORD);
        String phone = api.login(email, PASSWORD).text("refreshToken");
        String laptop = api.login(email, PASSWORD).text("refreshToken");

        UserApi.Response logout = api.post("/api/v1/auth/logout", "{\"refreshToken\":\"" + phone + "\"}", null);

        assertThat(logout.status()).isEqualTo(204);
        assertThat(refresh(phone).text("type")).isEqualTo("https://boxoffice.dev/problems/invalid-refresh-token");
        assertThat(refresh(laptop).status()).isEqualTo(200);
    }

    @Test
    void changingThePasswordEndsEverySessionAndRequiresTheCurrentOne() throws Exception {
        api.register(email, PASSWORD);
        UserApi.Response login = api.login(email, PASSWORD);
        String token = login.text("accessToken");

        UserApi.Response wrong = api.send("PUT", "/api/v1/users/me/password",
                "{\"currentPassword\":\"not my password\",\"newPassword\":\"another long passphrase\"}", token);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().path("errors").get(0).path("field").asString()).isEqualTo("currentPassword");

        UserApi.Response changed = api.send("PUT", "/api/v1/users/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"another long passphrase\"}", token);
        assertThat(changed.status()).isEqualTo(204);
        assertThat(refresh(login.text("refreshToken")).status()).isEqualTo(401);
        assertThat(api.login(email, PASSWORD).status()).isEqualTo(401);
        assertThat(api.login(email, "another long passphrase").status()).isEqualTo(200);
    }

    @Test
    void updatesTheDisplayNameAndRefusesUnknownProfileFields() throws Exception {
        String token = api.accessTokenOfNewAccount(email, PASSWORD);

        UserApi.Response updated = api.send("PATCH", "/api/v1/users/me", "{\"displayName\":\"Ada\"}", token);
        UserApi.Response sneaky = api.send("PATCH", "/api/v1/users/me", "{\"email\":\"admin@example.com\"}", token);

        assertThat(updated.text("displayName")).isEqualTo("Ada");
        assertThat(sneaky.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/users/me", token).text("email")).isEqualTo(email.toLowerCase());
    }

    @Test
    void refusesAPasswordOverBcryptsLimitWithA400NamingTheFieldAtRegistrationAndPasswordChange() throws Exception {
        String accented = "éàüöñçèêëî".repeat(4);
        String seventyThreeBytes = "a-" + "x".repeat(70) + "y";

        for (String tooLong : java.util.List.of(accented, seventyThreeBytes)) {
            UserApi.Response registration = api.register("long-" + UUID.randomUUID() + "@example.com", tooLong);
            assertThat(registration.status()).as(tooLong).isEqualTo(400);
            assertThat(registration.text("type")).isEqualTo("https://boxoffice.dev/problems/validation-failed");
            assertThat(registration.body().path("errors").get(0).path("field").asString()).isEqualTo("password");
        }
        UserApi.Response accentedRegistration = api.register("long-" + UUID.randomUUID() + "@example.com", accented);
        assertThat(accentedRegistration.text("detail")).contains("72 bytes");

        String token = api.accessTokenOfNewAccount(email, PASSWORD);
        UserApi.Response change = api.send("PUT", "/api/v1/users/me/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"" + accented + "\"}", token);
        assertThat(change.status()).isEqualTo(400);
        assertThat(change.body().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");
        assertThat(change.text("detail")).contains("72 bytes");
        assertThat(api.login(email, PASSWORD).status()).as("the password is unchanged").isEqualTo(200);
    }

    @Test
    void takesAPasswordOfExactly72BytesAndNoLongerOneThatMerelyStartsLikeIt() throws Exception {
        String seventyTwoBytes = "é".repeat(30) + "-twelve-char";
        assertThat(seventyTwoBytes.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(72);

        assertThat(api.register(email, seventyTwoBytes).status()).isEqualTo(201);

        assertThat(api.login(email, seventyTwoBytes).status()).isEqualTo(200);
        assertThat(api.login(email, seventyTwoBytes + "!").status())
                .as("bcrypt would read only the first 72 bytes and let this in").isEqualTo(401);
    }

    @Test
    void keepsNoTokenNorPasswordInIdempotencyRecords() throws Exception {
        api.register(email, PASSWORD);
        String key = UUID.randomUUID().toString();
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";

        UserApi.Response login = api.send("POST", "/api/v1/auth/login", body, null, key);
        UserApi.Response retry = api.send("POST", "/api/v1/auth/login", body, null, key);
        UserApi.Response refresh = api.send("POST", "/api/v1/auth/refresh",
                "{\"refreshToken\":\"" + login.text("refreshToken") + "\"}", null, key + "-refresh");

        assertThat(login.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(refresh.status()).isEqualTo(200);
        assertThat(retry.text("accessToken")).as("a new login, not a replay").isNotEqualTo(login.text("accessToken"));
        assertThat(jdbc.sql("SELECT count(*) FROM idempotency_record WHERE idempotency_key LIKE ?")
                .param(key + "%").query(Integer.class).single()).isZero();
        for (String secret : java.util.List.of(login.text("accessToken"), login.text("refreshToken"),
                refresh.text("refreshToken"))) {
            assertThat(jdbc.sql("""
                    SELECT count(*) FROM idempotency_record
                     WHERE position(? IN convert_from(coalesce(response_body, ''::bytea), 'UTF8')) > 0""")
                    .param(secret).query(Integer.class).single()).isZero();
        }
    }

    private static java.util.Set<String> fieldNames(UserApi.Response response) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        response.body().propertyNames().forEach(names::add);
        return names;
    }

    private UserApi.Response refresh(String refreshToken) throws Exception {
        return api.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}", null);
    }
}
