package org.boxoffice.platform.time;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The one clock of a service: every time decision (expiries, sale windows, token lifetimes, event timestamps) reads
 * the {@link Clock} bean, so a test can move time and no class asks the system on its own ({@code PlatformRules}
 * fails the build on {@code Instant.now()} and friends). A service or test that declares a {@code Clock} replaces it.
 */
@AutoConfiguration
public class ClockAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
