package org.boxoffice.user.organization;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.boxoffice.platform.security.Role;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.TestTokens;
import org.boxoffice.user.UserApi;
import org.boxoffice.user.account.AccountService;
import org.boxoffice.user.key.AccessTokenSigner;
import org.boxoffice.user.key.KeyRing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * user-service called directly checks tokens itself (forgeries get 401), admin endpoints by role (403) and by
 * organization (404 for another organization's), and keeps validating tokens across a signing-key rotation.
 */
@IntegrationTest
class AuthorizationIT {

    private static final String PASSWORD = "correct horse battery";

    @Value("${local.server.port}")
    private int port;
    @Value("${boxoffice.security.issuer}")
    private String issuer;
    @Autowired
    private AccountService accounts;
    @Autowired
    private AccessTokenSigner signer;
    @Autowired
    private KeyRing keys;
    @Autowired
    private JdbcClient jdbc;
    private UserApi api;
    private String adminToken;

    @BeforeEach
    void setUp() throws Exception {
        api = new UserApi(port);
        String admin = unique("admin");
        accounts.create(admin, PASSWORD, "Admin", EnumSet.of(Role.BUYER, Role.ADMIN));
        adminToken = api.login(admin, PASSWORD).text("accessToken");
    }

    @Test
    void rejectsForgedExpiredAndForeignTokensWithA401Problem() throws Exception {
        String email = unique("buyer");
        String genuine = api.accessTokenOfNewAccount(email, PASSWORD);
        String[] parts = genuine.split("\\.");
        Map<String, Object> claims = new LinkedHashMap<>(UserApi.JSON.readValue(
                Base64.getUrlDecoder().decode(parts[1]), Map.class));
        claims.put("roles", List.of("BUYER", "ADMIN"));
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(UserApi.JSON.writeValueAsBytes(claims)) + "." + parts[2];
        Map<String, Object> expired = new LinkedHashMap<>(claims);
        expired.put("exp", Instant.now().minusSeconds(300).getEpochSecond());
        Map<String, Object> foreign = new LinkedHashMap<>(claims);
        foreign.put("iss", "https://evil.example");

        for (String forged : List.of(tampered, signer.sign(expired), signer.sign(foreign),
                TestTokens.token().algNone().sign(), TestTokens.token().hs256().sign(),
                TestTokens.token().wrongKey().sign(), TestTokens.admin())) {
            UserApi.Response response = api.get("/api/v1/users/me", forged);
            assertThat(response.status()).as(new String(Base64.getUrlDecoder().decode(forged.split("\\.")[0]),
                    StandardCharsets.UTF_8)).isEqualTo(401);
            assertThat(response.text("type")).isEqualTo("https://boxoffice.dev/problems/unauthenticated");
            assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer").contains("invalid_token"));
        }
        assertThat(api.get("/api/v1/users/me", genuine).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/me", null).status()).isEqualTo(401);
    }

    @Test
    void letsOnlyAdminsCreateOrganizationsAndGrantMembership() throws Exception {
        String buyer = api.accessTokenOfNewAccount(unique("buyer"), PASSWORD);

        assertThat(createOrganization(buyer, "Not Allowed").status()).as("buyer on an admin path").isEqualTo(403);
        UserApi.Response created = createOrganization(adminToken, "Acme " + UUID.randomUUID());
        assertThat(created.status()).isEqualTo(201);
        assertThat(createOrganization(adminToken, created.text("name")).status()).isEqualTo(409);

        String organizerEmail = unique("organizer");
        api.register(organizerEmail, PASSWORD);
        assertThat(grant(adminToken, created.text("id"), organizerEmail).status()).isEqualTo(201);
        assertThat(grant(adminToken, created.text("id"), organizerEmail).status()).as("already a member").isEqualTo(200);
        assertThat(grant(adminToken, created.text("id"), unique("nobody")).status()).isEqualTo(404);

        String organizer = api.login(organizerEmail, PASSWORD).text("accessToken");
        assertThat(createOrganization(organizer, "Organizers cannot").status()).isEqualTo(403);
        UserApi.Response me = api.get("/api/v1/users/me", organizer);
        assertThat(me.body().path("roles").toString()).contains("ORGANIZER");
        assertThat(me.body().path("organizations").get(0).asString()).isEqualTo(created.text("id"));
    }

    @Test
    void letsOnlyAdminsEndAMembershipAfterWhichTheMemberActsForTheOrganizationNoLonger() throws Exception {
        String organization = createOrganization(adminToken, "Leaving " + UUID.randomUUID()).text("id");
        String organizerEmail = unique("organizer");
        api.register(organizerEmail, PASSWORD);
        grant(adminToken, organization, organizerEmail);
        String organizer = api.login(organizerEmail, PASSWORD).text("accessToken");
        String member = "/api/v1/admin/organizations/" + organization + "/members/"
                + api.get("/api/v1/users/me", organizer).text("id");

        assertThat(api.send("DELETE", member, null, organizer).status()).as("organizers cannot").isEqualTo(403);
        assertThat(api.send("DELETE", member, null, adminToken).status()).isEqualTo(204);
        assertThat(api.send("DELETE", member, null, adminToken).status()).as("already gone").isEqualTo(204);

        UserApi.Response members = api.get("/api/v1/admin/organizations/" + organization + "/members", adminToken);
        assertThat(members.body().isEmpty()).as(members.body().toString()).isTrue();
        UserApi.Response me = api.get("/api/v1/users/me", api.login(organizerEmail, PASSWORD).text("accessToken"));
        assertThat(me.body().path("organizations").isEmpty()).as(me.body().toString()).isTrue();
        assertThat(me.body().path("roles").toString()).contains("ORGANIZER");
    }

    @Test
    void showsAnOrganizerOnlyTheirOwnOrganizations() throws Exception {
        String own = createOrganization(adminToken, "Own " + UUID.randomUUID()).text("id");
        String other = createOrganization(adminToken, "Other " + UUID.randomUUID()).text("id");
        String organizerEmail = unique("organizer");
        api.register(organizerEmail, PASSWORD);
        grant(adminToken, own, organizerEmail);
        String organizer = api.login(organizerEmail, PASSWORD).text("accessToken");

        assertThat(api.get("/api/v1/admin/organizations/" + own, organizer).status()).isEqualTo(200);
        UserApi.Response foreign = api.get("/api/v1/admin/organizations/" + other, organizer);
        assertThat(foreign.status()).as("another organization does not exist for them").isEqualTo(404);
        assertThat(api.get("/api/v1/admin/organizations/" + other + "/members", organizer).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/admin/organizations", organizer).body().findValuesAsString("id"))
                .containsExactly(own);
        assertThat(api.get("/api/v1/admin/organizations/" + other, adminToken).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/admin/organizations/not-a-uuid", adminToken).status()).isEqualTo(400);
    }

    @Test
    void keepsAcceptingTokensOfTheOldKeyAfterARotationAndPublishesBoth() throws Exception {
        // The per-class table wipe removed the key the ring loaded at startup: start from a stored one.
        keys.rotate();
        String before = api.accessTokenOfNewAccount(unique("rotation"), PASSWORD);
        String oldKid = kid(before);

        keys.rotate();
        String after = api.accessTokenOfNewAccount(unique("rotation"), PASSWORD);

        assertThat(kid(after)).isNotEqualTo(oldKid);
        assertThat(api.get("/api/v1/users/me", before).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users/me", after).status()).isEqualTo(200);
        UserApi.Response jwks = api.get("/.well-known/jwks.json", null);
        assertThat(jwks.body().path("keys").findValuesAsString("kid")).contains(oldKid, kid(after));
        assertThat(jwks.body().path("keys").findValues("d")).as("private parts never published").isEmpty();
    }

    @Test
    void signsWithAKeyTheDatabaseStillHoldsAfterThePerClassWipe() throws Exception {
        // The ring signed the admin's token with the key it cached before this class began. Had the wipe emptied the
        // table, its next reload (30 s) would generate another key and reject that token mid-test.
        assertThat(jdbc.sql("SELECT kid FROM users.signing_keys").query(String.class).list()).contains(kid(adminToken));
    }

    private UserApi.Response createOrganization(String token, String name) throws Exception {
        return api.post("/api/v1/admin/organizations", "{\"name\":\"" + name + "\"}", token);
    }

    private UserApi.Response grant(String token, String organization, String email) throws Exception {
        return api.post("/api/v1/admin/organizations/" + organization + "/members", "{\"email\":\"" + email + "\"}", token);
    }

    private static String kid(String token) throws Exception {
        return UserApi.JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[0])).path("kid").asString();
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.boxoffice.dev";
    }
}
