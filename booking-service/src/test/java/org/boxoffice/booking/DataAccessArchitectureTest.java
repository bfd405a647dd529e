package org.boxoffice.booking;

import org.boxoffice.platform.testing.DataAccessRules;
import org.boxoffice.platform.testing.PlatformRules;
import org.junit.jupiter.api.Test;

/** JDBC only where marked @SqlByDesign, no entity at the web edge, repositories as interfaces. */
class DataAccessArchitectureTest {

    @Test
    void followsTheDataAccessRule() {
        DataAccessRules.check("org.boxoffice.booking");
    }

    @Test
    void followsThePlatformsOneWayPerConcern() {
        PlatformRules.check("org.boxoffice.booking");
    }
}
