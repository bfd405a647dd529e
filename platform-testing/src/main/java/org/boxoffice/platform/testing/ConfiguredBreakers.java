package org.boxoffice.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * A service's circuit breakers exactly as its {@code application.yml} configures them
 * ({@code resilience4j.circuitbreaker.instances}), without starting the service: for unit tests of a client that sits
 * behind one, so that they test the shipped settings (thresholds, ignored exceptions), not a copy of them.
 */
public final class ConfiguredBreakers {

    private ConfiguredBreakers() {
    }

    /** The registry Resilience4j's auto-configuration builds from the service's {@code application.yml}. */
    public static CircuitBreakerRegistry fromApplicationYml() {
        try {
            StandardEnvironment environment = new StandardEnvironment();
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
            AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
            context.setEnvironment(environment);
            context.register(CircuitBreakerAutoConfiguration.class);
            context.refresh();
            return context.getBean(CircuitBreakerRegistry.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
