package org.boxoffice.user.verification;

import org.boxoffice.platform.security.VerificationCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The key email verification codes are derived from, shared with notification-service only. */
@Configuration(proxyBeanMethods = false)
class VerificationConfiguration {

    @Bean
    VerificationCodes verificationCodes(@Value("${boxoffice.verification.code-key:}") String key) {
        return new VerificationCodes(key);
    }
}
