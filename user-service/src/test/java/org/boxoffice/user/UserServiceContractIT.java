package org.boxoffice.user;

import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.ServiceContract;

/** user-service boots on real PostgreSQL and Redis, migrates its own schema and honours the platform contract. */
@IntegrationTest
class UserServiceContractIT extends ServiceContract {

    UserServiceContractIT() {
        super("user-service", "users");
    }
}
