package org.boxoffice.gateway.web;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * Where the web front end's files are and how long browsers may keep them.
 *
 * @param location a Spring resource location ending in {@code /}: {@code classpath:/web/} in a build,
 *                 {@code file:gateway-service/src/main/resources/web/} to edit the pages of a running gateway
 * @param maxAge   how long a browser may use an asset under {@code /app/} without asking again (then it revalidates
 *                 with {@code If-Modified-Since}); the page itself ({@code /}) is always revalidated
 */
@Validated
@ConfigurationProperties("boxoffice.web")
record WebAppProperties(@DefaultValue("classpath:/web/") @NotBlank String location,
        @DurationMin(millis = 0) @DefaultValue("5m") Duration maxAge) {
}
