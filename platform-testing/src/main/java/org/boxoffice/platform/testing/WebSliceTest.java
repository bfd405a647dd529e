package org.boxoffice.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.boxoffice.platform.security.ServletSecurityAutoConfiguration;
import org.boxoffice.platform.time.ClockAutoConfiguration;
import org.boxoffice.platform.web.WebMvcProblemsAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestTemplateAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;

/**
 * A web slice of a servlet service: the named controllers on MockMvc with what the platform puts in front of every
 * controller — bearer tokens checked against the test JWKS ({@link TestTokens} authenticate), RFC 9457 problems for
 * every error, the {@code CurrentUser} argument — and nothing behind them: the test declares the controller's
 * collaborators ({@code @MockitoBean}). For validation, error mapping and who gets 401/403/404, without a database;
 * {@link ProblemResults} says in one line which problem an answer must be. Name such classes {@code *WebTest}:
 * Surefire runs them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@WebMvcTest
@ImportAutoConfiguration({ ClockAutoConfiguration.class, JacksonAutoConfiguration.class,
        WebMvcProblemsAutoConfiguration.class, ServletSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
        ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
        // The JWKS client of ServletSecurityAutoConfiguration.
        RestTemplateAutoConfiguration.class })
@ContextConfiguration(initializers = WebSliceInitializer.class)
public @interface WebSliceTest {

    /** The controllers under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value() default {};
}
