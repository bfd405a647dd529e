package org.boxoffice.payment;

import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.ServiceContract;

/** payment-service boots on real PostgreSQL and Redis, migrates its own schema and honours the platform contract. */
@IntegrationTest
class PaymentServiceContractIT extends ServiceContract {

    PaymentServiceContractIT() {
        super("payment-service", "payment");
    }
}
