package org.boxoffice.user;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.boxoffice.platform.security.Role;
import org.boxoffice.platform.testing.InputFuzz;
import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.ServiceContract;
import org.boxoffice.user.account.AccountService;
import org.springframework.beans.factory.annotation.Autowired;

/** user-service boots on real PostgreSQL and Redis, migrates its own schema and honours the platform contract. */
@IntegrationTest
class UserServiceContractIT extends ServiceContract {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    private AccountService accounts;

    UserServiceContractIT() {
        super("user-service", "users");
    }

    /** user-service trusts only its own signing keys, so the token comes from registering and logging in. */
    @Override
    protected String bearerToken() throws Exception {
        return api().accessTokenOfNewAccount(unique("contract"), PASSWORD);
    }

    /** Tokens are checked against user-service's own keys, not fetched from a JWKS. */
    @Override
    protected boolean verifiesTokensWithTheJwks() {
        return false;
    }

    /** Buyer, organizer and admin accounts of this service, logged in. */
    @Override
    protected List<InputFuzz.Caller> fuzzCallers() throws Exception {
        String organizer = unique("fuzz-organizer");
        accounts.create(organizer, PASSWORD, "Organizer", EnumSet.of(Role.BUYER, Role.ORGANIZER));
        String admin = unique("fuzz-admin");
        accounts.create(admin, PASSWORD, "Admin", EnumSet.of(Role.BUYER, Role.ADMIN));
        return List.of(new InputFuzz.Caller("buyer", bearerToken()),
                new InputFuzz.Caller("organizer", api().login(organizer, PASSWORD).text("accessToken")),
                new InputFuzz.Caller("admin", api().login(admin, PASSWORD).text("accessToken")));
    }

    private UserApi api() {
        return new UserApi(uri("/").getPort());
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@test.boxoffice.dev";
    }
}
