package org.boxoffice.gateway.waitingroom;

import java.io.IOException;
import java.util.Map;

import org.boxoffice.gateway.GatewayApplication;
import org.boxoffice.platform.testing.InfrastructureInitializer;
import org.boxoffice.platform.testing.TestJwks;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Starts more gateway instances in the test JVM, as separate application contexts on their own ports: another replica
 * sharing the test's Redis database, or a gateway on a Redis of the test's own.
 */
final class Gateways {

    private Gateways() {
    }

    /**
     * Another replica on the test JVM's Redis database (the one {@code @IntegrationTest} contexts use), with the
     * test's own {@code configurations} (such as its clock) added.
     */
    static ConfigurableApplicationContext replica(Map<String, Object> properties, Class<?>... configurations) {
        return builder(properties).sources(configurations).initializers(new InfrastructureInitializer()).run();
    }

    /** A gateway on the Redis at {@code redisPort}, trusting the test tokens. */
    static ConfigurableApplicationContext onRedis(int redisPort, Map<String, Object> properties) {
        TestJwks jwks = TestJwks.get();
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("spring.data.redis.host", "127.0.0.1");
        all.put("spring.data.redis.port", redisPort);
        all.put("boxoffice.security.jwks-uri", jwks.jwksUri());
        all.put("boxoffice.security.issuer", jwks.issuer());
        return builder(all).run();
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** Where the instance serves its metrics and probes (never its public port). */
    static int managementPort(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.management.port"));
    }

    private static SpringApplicationBuilder builder(Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("server.port", 0);
        all.put("management.server.port", 0);
        return new SpringApplicationBuilder(GatewayApplication.class).initializers(context -> {
            // Above the platform defaults (which name the machine's Redis and user-service's JWKS).
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-gateway", all));
            // The test classes' own configurations (a test clock...) are not part of another instance.
            context.getBeanFactory().registerSingleton("skipTestConfigurations", new SkipTestConfigurations());
        });
    }

    /** Leaves {@code @TestConfiguration} classes out of component scanning, as a test context does. */
    static final class SkipTestConfigurations extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SkipTestConfigurations;
        }

        @Override
        public int hashCode() {
            return SkipTestConfigurations.class.hashCode();
        }
    }
}
