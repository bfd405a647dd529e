package org.boxoffice.user.auth;

import java.time.Duration;
import java.util.UUID;

import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.user.UserApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration, login, refresh-token rotation and reuse detection, logout, password change, throttling, bad input. */
@IntegrationTest(properties = {
        "boxoffice.users.login.max-failures-per-account=3",
        "boxoffice.users.login.window=2s" })
class AuthenticationIT {

    private static final String PASSWORD = "correct horse battery";

    @Value("${local.server.port}")
    private int port;
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
    void refusesASecondAccountForTheSameEmailInAnyCase() throws Exception {
        api.register(email, PASSWORD);

        UserApi.Response duplicate = api.register(email.toUpperCase(), PASSWORD);

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("type")).isEqualTo("https://boxoffice.dev/problems/email-already-registered");
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
    void throttlesAnAccountAfterRepeatedFailuresThenLetsItInAfterTheWindow() throws Exception {
        api.register(email, PASSWORD);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(api.login(email, "wrong password " + attempt).status()).isEqualTo(401);
        }

        UserApi.Response blocked = api.login(email, PASSWORD);
        assertThat(blocked.status()).as("even the right password waits out the window").isEqualTo(429);
        assertThat(blocked.text("type")).isEqualTo("https://boxoffice.dev/problems/login-throttled");
        assertThat(blocked.raw().headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 2L));

        Thread.sleep(Duration.ofMillis(2_200));
        assertThat(api.login(email, PASSWORD).status()).isEqualTo(200);
    }

    private UserApi.Response refresh(String refreshToken) throws Exception {
        return api.post("/api/v1/auth/refresh", "{\"refreshToken\":\"" + refreshToken + "\"}", null);
    }
}
