package org.boxoffice.gateway.edge;

import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import org.boxoffice.gateway.ProblemWriter;
import org.boxoffice.platform.problem.ProblemType;
import org.boxoffice.platform.problem.Problems;
import org.boxoffice.platform.security.PublicPath;
import org.boxoffice.platform.security.Role;
import org.boxoffice.platform.security.SecurityProperties;
import org.boxoffice.platform.security.TokenClaims;
import org.boxoffice.platform.security.TokenValidation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * JWT validation at the edge with exactly the rules every service applies ({@link TokenValidation}): a forged or
 * expired token never reaches a service. Public paths ({@code boxoffice.security.public-paths}) pass without a token;
 * {@code /api/v1/admin/**} needs ORGANIZER or ADMIN; the rest of {@code /api/**} needs a valid token. The services
 * check again: the gateway is the first line, not the only one.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SecurityProperties.class, EdgeProperties.class })
class EdgeSecurityConfiguration {

    /**
     * The JWKS is fetched through an observed {@link WebClient} (a client span and {@code http.client.requests}, as
     * the route client and every service's clients), on Boot's connector builder with
     * {@link TokenValidation#JWKS_TIMEOUT}.
     */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SecurityProperties security, java.time.Clock clock, ObservationRegistry observations,
            ObjectProvider<ClientHttpConnectorBuilder<?>> connectors) {
        WebClient jwks = WebClient.builder().observationRegistry(observations)
                .clientConnector(connectors.getIfAvailable(ClientHttpConnectorBuilder::detect).build(
                        HttpClientSettings.defaults().withTimeouts(TokenValidation.JWKS_TIMEOUT,
                                TokenValidation.JWKS_TIMEOUT)))
                .build();
        return TokenValidation.reactiveDecoder(security, clock, builder -> builder.webClient(jwks));
    }

    @Bean
    SecurityWebFilterChain edgeSecurity(ServerHttpSecurity http, SecurityProperties security, ReactiveJwtDecoder decoder,
            ProblemWriter problems) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors(cors -> { })
                .headers(headers -> headers
                        // Services decide what may be cached (event listings may be); the edge does not override them.
                        .cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable)
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .authorizeExchange(exchanges -> {
                    for (String spec : concat(PublicPath.PLATFORM, security.publicPaths())) {
                        PublicPath path = PublicPath.parse(spec);
                        if (path.method() == null) {
                            exchanges.pathMatchers(path.pattern()).permitAll();
                        } else {
                            exchanges.pathMatchers(path.method(), path.pattern()).permitAll();
                        }
                    }
                    exchanges.pathMatchers("/api/v1/admin/**").hasAnyRole(Role.ORGANIZER.name(), Role.ADMIN.name())
                            .pathMatchers("/api/**").authenticated()
                            .anyExchange().permitAll();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(rolesClaimConverter()))
                        .authenticationEntryPoint((exchange, failure) -> unauthenticated(exchange, failure, problems))
                        .accessDeniedHandler((exchange, denied) -> forbidden(exchange, problems)))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, failure) -> unauthenticated(exchange, failure, problems))
                        .accessDeniedHandler((exchange, denied) -> forbidden(exchange, problems)));
        return http.build();
    }

    /**
     * What Spring Security's firewall refuses before any route sees it (a path with {@code %00}, {@code ..},
     * {@code %2e%2e}, {@code %25}, {@code %5C}, {@code ;} or a line break; a header with control characters): a 400
     * problem saying what was refused, instead of the firewall's bare 400.
     */
    @Bean
    ServerExchangeRejectedHandler rejectedExchanges(ProblemWriter problems) {
        return (exchange, rejected) -> problems.write(exchange, Problems.of(ProblemType.BAD_REQUEST,
                rejected.getMessage() == null ? "The request was refused." : rejected.getMessage()));
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource(EdgeProperties edge) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(edge.corsAllowedOrigins());
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Idempotency-Key",
                CorrelationIdFilter.HEADER, org.boxoffice.platform.admission.AdmissionPass.HEADER));
        cors.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER, HttpHeaders.LOCATION, CorrelationIdFilter.HEADER));
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }

    private static ReactiveJwtAuthenticationConverterAdapter rolesClaimConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenClaims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /** RFC 6750 challenge plus a problem body saying why the token was refused. */
    private static Mono<Void> unauthenticated(ServerWebExchange exchange, AuthenticationException failure,
            ProblemWriter problems) {
        String detail = "A valid bearer token is required.";
        String challenge = "Bearer";
        if (failure instanceof InvalidBearerTokenException invalid) {
            challenge = "Bearer error=\"invalid_token\"";
            if (invalid.getError() instanceof BearerTokenError error && error.getDescription() != null) {
                detail = "The bearer token was rejected: " + error.getDescription();
            }
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, Problems.of(ProblemType.UNAUTHENTICATED, detail));
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange, ProblemWriter problems) {
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        return problems.write(exchange, Problems.of(ProblemType.FORBIDDEN, "Your roles do not allow this request."));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
