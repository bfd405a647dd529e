package org.boxoffice.platform.health;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with nothing but the platform's defaults: its probes are what {@link SurgeSafeReadinessIT} looks at. */
@SpringBootApplication
class HealthTestApplication {
}
