package org.boxoffice.platform.flags;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with nothing but the platform: its flags are what {@link FlagPropagationIT} changes. */
@SpringBootApplication
class FlagsTestApplication {
}
