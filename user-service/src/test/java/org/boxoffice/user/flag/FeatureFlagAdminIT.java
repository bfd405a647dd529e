package org.boxoffice.user.flag;

import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;

import org.boxoffice.platform.flags.FlagContext;
import org.boxoffice.platform.flags.FlagDocument;
import org.boxoffice.platform.flags.FlagRefresher;
import org.boxoffice.platform.flags.FlagState;
import org.boxoffice.platform.flags.FlagStore;
import org.boxoffice.platform.flags.Flags;
import org.boxoffice.platform.security.Role;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.user.UserApi;
import org.boxoffice.user.account.AccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admins change the platform's flags at runtime: the change is audited (who, when, before and after), stored in
 * PostgreSQL, published to Redis where another replica picks it up, published again after Redis lost it, and refused
 * to anyone but an admin, for an unknown flag, and for a setting that breaks a rule.
 */
@IntegrationTest
class FeatureFlagAdminIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String PATH = "/api/v1/admin/flags";

    @Value("${local.server.port}")
    int port;
    @Autowired
    AccountService accounts;
    @Autowired
    Flags flags;
    @Autowired
    FlagState state;
    @Autowired
    FlagStore store;
    @Autowired
    FlagPublication publication;
    @Autowired
    StringRedisTemplate redis;

    UserApi api;
    String admin;
    String adminEmail;

    @BeforeEach
    void anAdmin() throws Exception {
        api = new UserApi(port);
        adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        accounts.create(adminEmail, PASSWORD, "Admin", EnumSet.of(Role.BUYER, Role.ADMIN));
        admin = api.login(adminEmail, PASSWORD).text("accessToken");
        api.send("DELETE", PATH + "/holds.paused", null, admin);
        api.send("DELETE", PATH + "/holds.best-available", null, admin);
    }

    @Test
    void anAdminsChangeIsAuditedAppliedHereAndReachesAnotherReplica() throws Exception {
        UUID event = UUID.randomUUID();
        FlagState otherReplica = new FlagState(state.definitions());
        FlagRefresher otherRefresher = new FlagRefresher(store, otherReplica, Duration.ofSeconds(1), false);

        UserApi.Response changed = api.send("PUT", PATH + "/holds.paused", """
                {"defaultValue": false, "rules": [{"value": true, "events": ["%s"]}]}""".formatted(event), admin);

        assertThat(changed.status()).as(changed.raw().body()).isEqualTo(200);
        assertThat(changed.body().path("runtime").asBoolean()).isTrue();
        assertThat(changed.body().path("defaults").path("defaultValue").asBoolean()).isFalse();
        assertThat(flags.isOn("holds.paused", FlagContext.platform().event(null, event))).as("this replica").isTrue();
        otherRefresher.runOnce();
        assertThat(otherReplica.setting("holds.paused")).as("another replica, through Redis")
                .isEqualTo(state.setting("holds.paused"));

        JsonNode audit = api.get(PATH + "/holds.paused/changes", admin).body();
        assertThat(audit.get(0).path("changedByEmail").asString()).isEqualTo(adminEmail);
        assertThat(absent(audit.get(0).path("before"))).as("the file's default before").isTrue();
        assertThat(audit.get(0).path("after").path("rules").get(0).path("events").get(0).asString())
                .isEqualTo(event.toString());
        assertThat(audit.get(0).path("changedAt").asString()).isNotBlank();

        UserApi.Response reset = api.send("DELETE", PATH + "/holds.paused", null, admin);
        assertThat(reset.body().path("runtime").asBoolean()).isFalse();
        assertThat(flags.isOn("holds.paused", FlagContext.platform().event(null, event))).isFalse();
        JsonNode afterReset = api.get(PATH + "/holds.paused/changes", admin).body();
        assertThat(absent(afterReset.get(0).path("after"))).isTrue();
        assertThat(afterReset.get(0).path("before").path("rules").size()).isEqualTo(1);
    }

    @Test
    void theStoredChangesArePublishedAgainWhenRedisLostThem() throws Exception {
        assertThat(api.send("PUT", PATH + "/holds.best-available", "{\"defaultValue\": false}", admin).status())
                .isEqualTo(200);
        long version = state.version();

        redis.delete(java.util.List.of("boxoffice:flags:document", "boxoffice:flags:version"));
        publication.runOnce();

        assertThat(store.read()).hasValueSatisfying(document -> {
            assertThat(document.version()).isEqualTo(version);
            assertThat(document.overrides().get("holds.best-available").defaultValue()).isFalse();
        });
    }

    @Test
    void listsEveryFlagWithItsDescriptionAndDefault() throws Exception {
        JsonNode list = api.get(PATH, admin).body();

        assertThat(java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .map(flag -> flag.path("name").asString()).toList()).contains("holds.paused", "holds.best-available", "waiting-room",
                "notifications.sms", "notifications.whatsapp");
        assertThat(list.get(0).path("description").asString()).isNotBlank();
    }

    @Test
    void refusesNonAdminsUnknownFlagsAndBadSettingsAndChangesNothing() throws Exception {
        String buyer = api.accessTokenOfNewAccount("buyer-" + UUID.randomUUID() + "@example.com", PASSWORD);
        long version = state.version();

        assertThat(api.send("PUT", PATH + "/holds.paused", "{\"defaultValue\": true}", buyer).status()).isEqualTo(403);
        assertThat(api.get(PATH, buyer).status()).isEqualTo(403);
        UserApi.Response unknown = api.send("PUT", PATH + "/no.such.flag", "{\"defaultValue\": true}", admin);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("type")).isEqualTo("https://boxoffice.dev/problems/flag-not-found");
        UserApi.Response percentage = api.send("PUT", PATH + "/holds.paused",
                "{\"defaultValue\": false, \"rules\": [{\"value\": true, \"percentage\": 150}]}", admin);
        assertThat(percentage.status()).isEqualTo(400);
        assertThat(percentage.raw().body()).contains("percentage");
        UserApi.Response role = api.send("PUT", PATH + "/holds.paused",
                "{\"defaultValue\": false, \"rules\": [{\"value\": true, \"roles\": [\"ROOT\"]}]}", admin);
        assertThat(role.status()).isEqualTo(400);
        assertThat(api.send("PUT", PATH + "/holds.paused", "{}", admin).status()).as("defaultValue is required")
                .isEqualTo(400);

        assertThat(state.version()).isEqualTo(version);
        assertThat(flags.isOn("holds.paused")).isFalse();
    }

    @Test
    void settingTheSameValueAgainIsNoChange() throws Exception {
        api.send("PUT", PATH + "/holds.best-available", "{\"defaultValue\": false}", admin);
        int audited = api.get(PATH + "/holds.best-available/changes", admin).body().size();

        api.send("PUT", PATH + "/holds.best-available", "{\"defaultValue\": false}", admin);

        assertThat(api.get(PATH + "/holds.best-available/changes", admin).body().size()).isEqualTo(audited);
        assertThat(FlagDocument.fromJson(redis.opsForValue().get("boxoffice:flags:document")).overrides())
                .containsKey("holds.best-available");
    }

    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }
}
