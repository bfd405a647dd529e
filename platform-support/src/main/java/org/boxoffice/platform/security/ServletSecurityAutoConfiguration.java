package org.boxoffice.platform.security;

import java.time.Clock;
import java.util.List;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.restclient.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Makes every servlet service that has spring-boot-starter-oauth2-resource-server a stateless resource server:
 * bearer JWTs checked by {@link TokenValidation}, 401/403 as problems, the platform's endpoints and the service's
 * {@code boxoffice.security.public-paths} open, {@code /api/v1/admin/**} for organizers and admins, everything else
 * authenticated. A service replaces a piece by declaring its own {@link JwtDecoder} or {@link SecurityFilterChain}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration" })
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass({ SecurityFilterChain.class, JwtDecoder.class })
@EnableConfigurationProperties(SecurityProperties.class)
@Import(SecurityExceptionsAdvice.class)
public class ServletSecurityAutoConfiguration {

    static final String ADMIN_API = "/api/v1/admin/**";

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder boxofficeJwtDecoder(SecurityProperties security, Clock clock, RestTemplateBuilder http) {
        return TokenValidation.decoder(security, clock, http.connectTimeout(TokenValidation.JWKS_TIMEOUT)
                .readTimeout(TokenValidation.JWKS_TIMEOUT).build());
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain boxofficeSecurityFilterChain(HttpSecurity http, SecurityProperties security,
            JwtDecoder decoder, JsonMapper json) throws Exception {
        ProblemSecurityResponses problems = new ProblemSecurityResponses(json);
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Bearer tokens in a header, never cookies: no ambient credential for CSRF to abuse.
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .authorizeHttpRequests(requests -> {
                    permit(requests, PublicPath.PLATFORM);
                    permit(requests, security.publicPaths());
                    requests.requestMatchers(ADMIN_API).hasAnyRole(Role.ORGANIZER.name(), Role.ADMIN.name())
                            .anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(rolesClaimConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /** Found by Spring Security's {@code WebSecurity}: the firewall's refusals become problems too. */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler boxofficeRequestRejectedHandler(JsonMapper json) {
        return new ProblemSecurityResponses(json);
    }

    @Bean
    WebMvcConfigurer currentUserArgument() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CurrentUserArgumentResolver());
            }
        };
    }

    /** A {@link CurrentUser} parameter is the caller, not request input: keep it out of the OpenAPI document. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SpringDocUtils.class)
    static class ApiDocsConfiguration {
        static {
            SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
        }
    }

    /** Authorities {@code ROLE_BUYER}, {@code ROLE_ORGANIZER}, {@code ROLE_ADMIN} from the {@code roles} claim. */
    static JwtAuthenticationConverter rolesClaimConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(TokenClaims.ROLES);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static void permit(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            List<String> paths) {
        for (String spec : paths) {
            PublicPath path = PublicPath.parse(spec);
            if (path.method() == null) {
                requests.requestMatchers(path.pattern()).permitAll();
            } else {
                requests.requestMatchers(path.method(), path.pattern()).permitAll();
            }
        }
    }
}
