package org.boxoffice.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.web.client.RestOperations;

/**
 * The one definition of a valid Boxoffice access token, shared by the servlet services and the reactive gateway:
 * signed with RS256 or ES256 by a key in the JWKS (so {@code alg: none} and HMAC tokens never verify), issued by
 * the configured issuer for the {@code boxoffice} audience, not expired, with a UUID subject and well-formed
 * {@code roles} and {@code orgs} claims. A token that passed is remembered ({@link VerifiedTokens}): its signature is
 * checked once, not on every request. The JWKS is fetched with the client the service passes in: Boot's observed
 * builders (a client span and {@code http.client.requests}, like every call between services), with
 * {@link #JWKS_TIMEOUT}.
 */
public final class TokenValidation {

    /** Asymmetric algorithms only: a symmetric key in a public JWKS would let anyone sign. */
    public static final Set<SignatureAlgorithm> ALGORITHMS = Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256);

    /** How long connecting to the JWKS, and then reading it, may take: a request with a new key waits for it. */
    public static final Duration JWKS_TIMEOUT = Duration.ofSeconds(5);

    private TokenValidation() {
    }

    /** For the servlet services; {@code jwks} from Boot's {@code RestTemplateBuilder} (Spring Security's API). */
    public static JwtDecoder decoder(SecurityProperties security, Clock clock, RestOperations jwks) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(security.jwksUri().toString())
                .restOperations(jwks)
                .jwsAlgorithms(algorithms -> algorithms.addAll(ALGORITHMS))
                .build();
        decoder.setJwtValidator(validator(security));
        return security.tokenCache().maximumSize() == 0 ? decoder
                : new VerifiedTokens(security.tokenCache(), clock).servlet(decoder);
    }

    /**
     * For the reactive gateway; {@code jwks} gives the builder the gateway's observed {@code WebClient}
     * ({@code builder.webClient(...)}: this module has no WebFlux of its own).
     */
    public static ReactiveJwtDecoder reactiveDecoder(SecurityProperties security, Clock clock,
            UnaryOperator<NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder> jwks) {
        NimbusReactiveJwtDecoder decoder = jwks.apply(NimbusReactiveJwtDecoder.withJwkSetUri(
                        security.jwksUri().toString()))
                .jwsAlgorithms(algorithms -> algorithms.addAll(ALGORITHMS))
                .build();
        decoder.setJwtValidator(validator(security));
        return security.tokenCache().maximumSize() == 0 ? decoder
                : new VerifiedTokens(security.tokenCache(), clock).reactive(decoder);
    }

    /** Issuer, audience, expiry (with the default 60 s clock skew) and the shape of the Boxoffice claims. */
    public static OAuth2TokenValidator<Jwt> validator(SecurityProperties security) {
        return JwtValidators.createDefaultWithValidators(List.of(
                new JwtIssuerValidator(security.issuer()),
                new JwtAudienceValidator(security.audience()),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, exp -> exp != null),
                new JwtClaimValidator<Object>(JwtClaimNames.SUB, TokenValidation::isUuid),
                new JwtClaimValidator<Object>(TokenClaims.ROLES, roles -> isListOf(roles, TokenValidation::isRole)),
                new JwtClaimValidator<Object>(TokenClaims.ORGANIZATIONS,
                        orgs -> orgs == null || isListOf(orgs, TokenValidation::isUuid))));
    }

    private static boolean isListOf(Object value, java.util.function.Predicate<Object> element) {
        return value instanceof Collection<?> values && values.stream().allMatch(element);
    }

    private static boolean isUuid(Object value) {
        try {
            return value instanceof String text && UUID.fromString(text).toString().equals(text.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isRole(Object value) {
        for (Role role : Role.values()) {
            if (role.name().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
