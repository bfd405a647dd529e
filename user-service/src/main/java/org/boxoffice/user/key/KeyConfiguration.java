package org.boxoffice.user.key;

import org.boxoffice.platform.security.SecurityProperties;
import org.boxoffice.platform.security.TokenValidation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** user-service validates tokens against its own key ring, with the same rules as every other service. */
@Configuration(proxyBeanMethods = false)
class KeyConfiguration {

    @Bean
    JwtDecoder jwtDecoder(KeyRing keys, SecurityProperties security) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys)
                .jwsAlgorithms(algorithms -> algorithms.addAll(TokenValidation.ALGORITHMS)).build();
        decoder.setJwtValidator(TokenValidation.validator(security));
        return decoder;
    }
}
