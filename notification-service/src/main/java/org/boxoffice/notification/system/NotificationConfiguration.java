package org.boxoffice.notification.system;


import org.boxoffice.platform.security.VerificationCodes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans the whole service shares. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    /** The key verification codes are derived from, shared with user-service only (docs/security.md). */
    @Bean
    VerificationCodes verificationCodes(@Value("${boxoffice.verification.code-key:}") String key) {
        return new VerificationCodes(key);
    }
}
