package org.boxoffice.platform.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;

/**
 * Points the application under test at this JVM's database and Redis database, above every other setting, at the
 * test JWKS of {@link TestJwks}, and at the event signing keys and verification code key of {@link TestEventKeys}.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        Map<String, Object> properties = new LinkedHashMap<>();
        if (infrastructure.hasPostgres()) {
            properties.put("spring.datasource.url", infrastructure.jdbcUrl());
            properties.put("spring.datasource.username", infrastructure.postgres().username());
            properties.put("spring.datasource.password", infrastructure.postgres().password());
        }
        properties.put("spring.data.redis.host", infrastructure.redis().host());
        properties.put("spring.data.redis.port", infrastructure.redis().port());
        properties.put("spring.data.redis.database", infrastructure.redisDatabase());
        if (infrastructure.redis().password() != null) {
            properties.put("spring.data.redis.password", infrastructure.redis().password());
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("boxoffice-test-infrastructure", properties));
        trustTestTokens(context.getEnvironment().getPropertySources());
        useTestEventKeys(context);
    }

    /**
     * Signs the service's events with its test key and trusts the platform's producers' test keys. Below the test's
     * own properties, so that a test can trust other keys (or none).
     */
    private static void useTestEventKeys(ConfigurableApplicationContext context) {
        String producer = context.getEnvironment().getProperty("boxoffice.events.producer",
                context.getEnvironment().getProperty("spring.application.name", "application"));
        var keys = new MapPropertySource("boxoffice-test-event-keys", Map.of(
                "boxoffice.events.signing.private-key",
                org.boxoffice.platform.events.EventKeys.encode(TestEventKeys.of(producer).getPrivate()),
                "boxoffice.events.signing.trusted-keys", TestEventKeys.trustedKeysSetting(producer),
                "boxoffice.verification.code-key", TestEventKeys.VERIFICATION_CODE_KEY));
        addBelowTestProperties(context.getEnvironment().getPropertySources(), keys);
    }

    /**
     * Validates bearer tokens against {@link TestJwks}, so that {@link TestTokens} authenticate. Placed below the
     * test's own properties ({@code @IntegrationTest(properties = ...)}, {@code @DynamicPropertySource}), which win.
     */
    static void trustTestTokens(MutablePropertySources sources) {
        TestJwks jwks = TestJwks.get();
        var security = new MapPropertySource("boxoffice-test-jwks", Map.of(
                "boxoffice.security.jwks-uri", jwks.jwksUri(), "boxoffice.security.issuer", jwks.issuer()));
        addBelowTestProperties(sources, security);
    }

    private static void addBelowTestProperties(MutablePropertySources sources, MapPropertySource source) {
        if (sources.contains(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)) {
            sources.addBefore(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, source);
        } else {
            sources.addFirst(source);
        }
    }
}
