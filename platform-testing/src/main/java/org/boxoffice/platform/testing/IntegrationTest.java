package org.boxoffice.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * A whole service on a random port, against a real PostgreSQL and Redis (Testcontainers, the environment's or the
 * machine's servers, or embedded ones — see {@link org.boxoffice.platform.infra.Infrastructure}), with its tables
 * and Redis database emptied before each test class. Every API request such a test sends to the service, and the
 * answer, is checked against the service's OpenAPI document ({@link ApiTraffic}). Name such classes {@code *IT}:
 * Failsafe runs them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@TestExecutionListeners(listeners = { CleanStateListener.class, ApiTrafficListener.class },
        mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
@Import(ApiTrafficValidation.class)
public @interface IntegrationTest {

    /** Extra properties for this test's application context, as in {@link SpringBootTest#properties()}. */
    @AliasFor(annotation = SpringBootTest.class, attribute = "properties")
    String[] properties() default {};
}
