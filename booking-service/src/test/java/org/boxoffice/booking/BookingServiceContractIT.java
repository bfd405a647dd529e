package org.boxoffice.booking;

import org.boxoffice.platform.testing.IntegrationTest;
import org.boxoffice.platform.testing.ServiceContract;

/** booking-service boots on real PostgreSQL and Redis, migrates its own schema and honours the platform contract. */
@IntegrationTest
class BookingServiceContractIT extends ServiceContract {

    BookingServiceContractIT() {
        super("booking-service", "booking");
    }
}
