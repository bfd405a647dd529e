package org.boxoffice.user.system;

import java.time.Duration;

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

/** The first admin and the demo data come from configuration, idempotently, and never without a password. */
@IntegrationTest
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
    void refusesToStartWithAnAdminEmailButNoPassword() {
        assertThatThrownBy(() -> bootstrap("admin@test.boxoffice.dev", " ", false, null).run(null))
                .hasMessageContaining("BOXOFFICE_ADMIN_PASSWORD");
        assertThatThrownBy(() -> bootstrap(null, null, true, null).run(null))
                .hasMessageContaining("BOXOFFICE_DEMO_PASSWORD");
    }

    private Bootstrap bootstrap(String adminEmail, String adminPassword, boolean demo, String demoPassword) {
        UserProperties properties = new UserProperties(null, Duration.ofDays(30), adminEmail, adminPassword,
                Duration.ofDays(30), new UserProperties.Login(Duration.ofMinutes(15), 5, 50),
                new UserProperties.Hashing(0, Duration.ofMillis(200), Duration.ofSeconds(1)));
        return new Bootstrap(properties, new DemoProperties(demo, demoPassword), accountService, accounts, organizations,
                emailVerification);
    }
}
