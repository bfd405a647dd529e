package org.boxoffice.payment;

import java.nio.file.Path;

import org.boxoffice.platform.testing.ClassSize;
import org.boxoffice.platform.testing.DataAccessRules;
import org.boxoffice.platform.testing.PlatformRules;
import org.junit.jupiter.api.Test;

/** JDBC only where marked @SqlByDesign, no entity at the web edge, repositories as interfaces. */
class DataAccessArchitectureTest {

    @Test
    void followsTheDataAccessRule() {
        DataAccessRules.check("org.boxoffice.payment");
    }

    @Test
    void followsThePlatformsOneWayPerConcern() {
        PlatformRules.check("org.boxoffice.payment");
    }

    /** No main class longer than 250 lines: a class that big does more than one thing (ClassSize). */
    @Test
    void keepsEveryMainClassWithin250Lines() {
        ClassSize.check(Path.of("src/main/java"));
    }
}
