package org.boxoffice.platform.openapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;

/**
 * How a service describes itself in its OpenAPI document.
 *
 * @param title       document title, e.g. "Boxoffice booking-service"
 * @param description one sentence on what the service owns
 * @param version     API version
 * @param rateLimited whether the gateway's rate limits (429) apply to the service's operations: true for the services
 *                    it routes to, false for the gateway's own endpoints
 */
@Validated
@ConfigurationProperties("boxoffice.api")
public record ApiDocsProperties(@DefaultValue("Boxoffice") @NotBlank String title, @DefaultValue("") String description,
        @DefaultValue("v1") @NotBlank String version, @DefaultValue("true") boolean rateLimited) {
}
