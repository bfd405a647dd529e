package org.boxoffice.platform.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code boxoffice-defaults.properties} as the lowest-precedence property source of every service: the settings
 * all six share (probes, metrics, problem details, JPA and Flyway rules, graceful shutdown, the
 * {@code BOXOFFICE_*} environment variables). A service's own {@code application.yml} and the environment override it.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String NAME = "boxoffice-defaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> source : new PropertiesPropertySourceLoader()
                    .load(NAME, new ClassPathResource(NAME + ".properties"))) {
                environment.getPropertySources().addLast(source);
            }
            // Only when set: an empty password would make the Redis clients send an AUTH that fails.
            String redisPassword = System.getenv("BOXOFFICE_REDIS_PASSWORD");
            if (redisPassword != null && !redisPassword.isEmpty()) {
                environment.getPropertySources().addLast(new MapPropertySource(NAME + "-redis-password",
                        Map.of("spring.data.redis.password", redisPassword)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the platform defaults " + NAME + ".properties", e);
        }
    }
}
