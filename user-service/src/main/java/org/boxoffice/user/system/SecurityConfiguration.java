package org.boxoffice.user.system;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing: bcrypt today, tagged ({@code {bcrypt}...}) so that a stronger algorithm can take over later; at
 * most {@code boxoffice.users.hashing.max-concurrent} hashes at once ({@link BoundedPasswordEncoder}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(UserProperties properties) {
        return new BoundedPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                properties.hashing());
    }
}
