package org.boxoffice.user.system;

import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.user.UserApi;
import org.boxoffice.user.account.AccountService;
import org.boxoffice.user.account.Accounts;
import org.boxoffice.user.organization.OrganizationService;
import org.boxoffice.user.verification.EmailVerification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first admin and the demo data come from configuration, idempotently, and never without a password; an account
 * someone registered with the admin email is never made admin without the operator saying so.
 */
// The "replicas" of one test share this JVM's hashing slots, which real replicas do not: they wait for one.
@IntegrationTest(properties = "boxoffice.users.hashing.max-wait=30s")
class BootstrapIT {

    private static final String PASSWORD = "demo password from the launcher";

    @Value("${local.server.port}")
    private int port;
    @Autowired
    private AccountService accountService;
    @Autowired
    private Accounts accounts;
    @Autowired
    private OrganizationService organizations;
    @Autowired
    private UserProperties configured;
    @Autowired
    private EmailVerification emailVerification;
    @Autowired
    private org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void createsTheAdminAndTheDemoDataOnceEvenWhenRunTwice() throws Exception {
        Bootstrap bootstrap = bootstrap("Admin@Test.Boxoffice.dev", "a long secret phrase", true, PASSWORD);

        bootstrap.run(null);
        bootstrap.run(null);

        UserApi api = new UserApi(port);
        UserApi.Response admin = api.get("/api/v1/users/me",
                api.login("admin@test.boxoffice.dev", "a long secret phrase").text("accessToken"));
        assertThat(admin.body().path("roles").toString()).contains("ADMIN");
        UserApi.Response organizer = api.get("/api/v1/users/me",
                api.login(Bootstrap.DEMO_ORGANIZER, PASSWORD).text("accessToken"));
        assertThat(organizer.body().path("organizations").toString()).isEqualTo("[\"" + Bootstrap.DEMO_ORGANIZATION + "\"]");
        assertThat(api.login(Bootstrap.DEMO_BUYER, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void demoAccountsHaveVerifiedAddressesAnnouncedOnceSoTheDemoBuyerGetsTicketsByMail() throws Exception {
        bootstrap("admin@test.boxoffice.dev", "a long secret phrase", true, PASSWORD).run(null);
        bootstrap("admin@test.boxoffice.dev", "a long secret phrase", true, PASSWORD).run(null);

        UserApi api = new UserApi(port);
        UserApi.Response buyer = api.get("/api/v1/users/me/email-verification",
                api.login(Bootstrap.DEMO_BUYER, PASSWORD).text("accessToken"));
        assertThat(buyer.body().path("verified").asBoolean()).isTrue();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM outbox_event WHERE type = 'EmailVerified' AND payload ->> 'email' = ?""")
                .param(Bootstrap.DEMO_BUYER).query(Long.class).single()).as("announced once").isEqualTo(1);
    }

    @Test
    void aDemoRunWithANewPasswordMakesItTheDemoAccountsPasswordButProductionNeverOverwrites() throws Exception {
        bootstrap("admin@test.boxoffice.dev", "the very first secret", true, PASSWORD).run(null);
        UserApi api = new UserApi(port);

        bootstrap("admin@test.boxoffice.dev", "a newer demo secret", true, "another checkout's password").run(null);

        assertThat(api.login(Bootstrap.DEMO_BUYER, "another checkout's password").status()).isEqualTo(200);
        assertThat(api.login(Bootstrap.DEMO_BUYER, PASSWORD).status()).isEqualTo(401);
        assertThat(api.login("admin@test.boxoffice.dev", "a newer demo secret").status()).isEqualTo(200);

        bootstrap("admin@test.boxoffice.dev", "an attacker's guess", false, null).run(null);

        assertThat(api.login("admin@test.boxoffice.dev", "a newer demo secret").status())
                .as("outside demo mode an existing admin keeps its password").isEqualTo(200);
    }

    @Test
    void neverMakesAnAccountSomeoneRegisteredWithTheAdminEmailAnAdmin() throws Exception {
        UserApi api = new UserApi(port);
        assertThat(api.register("boss@test.boxoffice.dev", "registered by whoever came first").status()).isEqualTo(201);

        assertThatThrownBy(() -> bootstrap("Boss@Test.Boxoffice.dev", "the operator's secret", false, null).run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("boss@test.boxoffice.dev").hasMessageContaining("not an admin")
                .hasMessageContaining("BOXOFFICE_ADMIN_PROMOTE_EXISTING=true");

        UserApi.Response me = api.get("/api/v1/users/me",
                api.login("boss@test.boxoffice.dev", "registered by whoever came first").text("accessToken"));
        assertThat(me.body().path("roles").toString()).isEqualTo("[\"BUYER\"]");
        assertThat(api.login("boss@test.boxoffice.dev", "the operator's secret").status()).isEqualTo(401);
    }

    @Test
    void makesAnExistingAccountAdminOnlyWithTheOperatorsFlagAndLeavesItsPassword() throws Exception {
        UserApi api = new UserApi(port);
        api.register("owner@test.boxoffice.dev", "my own long passphrase 42");

        bootstrap("owner@test.boxoffice.dev", "the configured secret", true, false, null).run(null);

        UserApi.Response me = api.get("/api/v1/users/me",
                api.login("owner@test.boxoffice.dev", "my own long passphrase 42").text("accessToken"));
        assertThat(me.body().path("roles").toString()).contains("ADMIN");
        assertThat(api.login("owner@test.boxoffice.dev", "the configured secret").status()).isEqualTo(401);
    }

    @Test
    void replicasStartingTogetherCreateOneAdminAndAllStart() throws Exception {
        int replicas = 4;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(replicas)) {
            for (int i = 0; i < replicas; i++) {
                Bootstrap replica = bootstrap("first@test.boxoffice.dev", "the opening admin's secret", false, null);
                runs.add(threads.submit(() -> {
                    start.await();
                    replica.run(null);
                    return null;
                }));
            }
            start.countDown();
            for (var run : runs) {
                run.get();
            }
        }

        UserApi api = new UserApi(port);
        UserApi.Response me = api.get("/api/v1/users/me",
                api.login("first@test.boxoffice.dev", "the opening admin's secret").text("accessToken"));
        assertThat(me.body().path("roles").toString()).contains("ADMIN");
    }

    @Test
    void refusesToStartWithAnAdminEmailButNoPassword() {
        assertThatThrownBy(() -> bootstrap("admin@test.boxoffice.dev", " ", false, null).run(null))
                .hasMessageContaining("BOXOFFICE_ADMIN_PASSWORD");
        assertThatThrownBy(() -> bootstrap(null, null, true, null).run(null))
                .hasMessageContaining("BOXOFFICE_DEMO_PASSWORD");
    }

    private Bootstrap bootstrap(String adminEmail, String adminPassword, boolean demo, String demoPassword) {
        return bootstrap(adminEmail, adminPassword, false, demo, demoPassword);
    }

    private Bootstrap bootstrap(String adminEmail, String adminPassword, boolean promoteExisting, boolean demo,
            String demoPassword) {
        UserProperties properties = new UserProperties(null, configured.keyRotationPeriod(), adminEmail, adminPassword,
                promoteExisting, configured.refreshTokenLifetime(), configured.trustedProxies(), configured.login(),
                configured.hashing());
        return new Bootstrap(properties, new DemoProperties(demo, demoPassword), accountService, accounts, organizations,
                emailVerification);
    }
}
