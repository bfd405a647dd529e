package org.boxoffice.platform.flags;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Feature flag settings (docs/feature-flags.md).
 *
 * @param definitions     the file that defines the flags and their defaults
 * @param refreshInterval how often every replica looks for runtime changes in Redis
 * @param provider        the class of another OpenFeature provider to use instead of the built-in one (for example
 *                        {@code dev.openfeature.contrib.providers.flagd.FlagdProvider}, configured by its own
 *                        environment variables); its jar must be on the class path. Empty: the built-in provider.
 */
@Validated
@ConfigurationProperties("boxoffice.flags")
public record FlagsProperties(
        @DefaultValue("classpath:boxoffice-flags.json") @NotNull Resource definitions,
        @DurationMin(millis = 1) @DefaultValue("1s") Duration refreshInterval,
        @Nullable String provider) {
}
