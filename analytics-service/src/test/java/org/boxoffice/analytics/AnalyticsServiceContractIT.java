package org.boxoffice.analytics;

import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.ServiceContract;

/** analytics-service boots on real PostgreSQL and Redis, migrates its own schema and honours the platform contract. */
@IntegrationTest
class AnalyticsServiceContractIT extends ServiceContract {

    AnalyticsServiceContractIT() {
        super("analytics-service", "analytics");
    }
}
