package org.boxoffice.notification;

import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.ServiceContract;

/** notification-service boots on real PostgreSQL and Redis, migrates its own schema and honours the platform contract. */
@IntegrationTest
class NotificationServiceContractIT extends ServiceContract {

    NotificationServiceContractIT() {
        super("notification-service", "notification");
    }
}
