package org.boxoffice.user.system;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing: bcrypt at {@code boxoffice.users.hashing.bcrypt-cost} (10 by default, OWASP's minimum), tagged
 * ({@code {bcrypt}...}) so that a stronger algorithm can take over later, and no other algorithm accepted; at most
 * {@code boxoffice.users.hashing.max-concurrent} hashes at once ({@link BoundedPasswordEncoder}). bcrypt reads only
 * the first 72 bytes of a password: the password policy refuses longer ones, so that policy and hash agree.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder(UserProperties properties) {
        PasswordEncoder bcrypt = new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(properties.hashing().bcryptCost())));
        return new BoundedPasswordEncoder(bcrypt, properties.hashing());
    }
}
