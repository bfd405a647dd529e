package org.boxoffice.platform.security;

import java.net.URI;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service validates bearer tokens and what it leaves open.
 *
 * @param jwksUri     where user-service publishes its signing keys ({@code BOXOFFICE_JWT_JWKS_URI})
 * @param issuer      the {@code iss} every token must carry ({@code BOXOFFICE_JWT_ISSUER})
 * @param audience    the {@code aud} every token must contain
 * @param publicPaths the service's own anonymous endpoints, each {@code "METHOD /pattern"} or {@code "/pattern"},
 *                    beside the platform's (probes, metrics, API docs, /error)
 */
@ConfigurationProperties("boxoffice.security")
public record SecurityProperties(
        @DefaultValue("http://127.0.0.1:8081/.well-known/jwks.json") URI jwksUri,
        @DefaultValue("http://127.0.0.1:8081") String issuer,
        @DefaultValue(TokenClaims.AUDIENCE) String audience,
        @DefaultValue List<String> publicPaths) {

    public SecurityProperties {
        for (String path : publicPaths) {
            PublicPath.parse(path);
        }
    }
}
