package org.boxoffice.gateway;

import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.ServiceContract;

/** The gateway boots on real Redis and honours the platform contract; it owns no database schema. */
@IntegrationTest
class GatewayServiceContractIT extends ServiceContract {

    GatewayServiceContractIT() {
        super("gateway-service", null);
    }
}
