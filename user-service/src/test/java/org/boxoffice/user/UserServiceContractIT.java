package org.boxoffice.user;

import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.ServiceContract;

/** user-service boots on real PostgreSQL and Redis, migrates its own schema and honours the platform contract. */
@IntegrationTest
class UserServiceContractIT extends ServiceContract {

    UserServiceContractIT() {
        super("user-service", "users");
    }

    /** user-service trusts only its own signing keys, so the token comes from registering and logging in. */
    @Override
    protected String bearerToken() throws Exception {
        return new UserApi(uri("/").getPort()).accessTokenOfNewAccount(
                "contract-" + java.util.UUID.randomUUID() + "@test.boxoffice.dev", "correct horse battery");
    }
}
