package org.boxoffice.platform.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.boxoffice.platform.time.ClockAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * A JPA slice ({@link DataJpaTest}: entities, repositories, Flyway, JDBC) on the real PostgreSQL this JVM's tests
 * use (never an embedded replacement), with Hibernate statistics on so that a test can count the statements a read
 * takes, and the platform's one {@code Clock}. The service's tables are emptied before each test class
 * ({@link CleanStateListener}). Each test runs in a
 * transaction rolled back at its end unless the class says otherwise — a class that proves what locks, versions and
 * constraints do across transactions commits each step itself and says so with
 * {@code @Transactional(propagation = Propagation.NOT_SUPPORTED)}. Name such classes {@code *IT}: Failsafe runs them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@DataJpaTest(properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ImportAutoConfiguration(ClockAutoConfiguration.class)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@TestExecutionListeners(listeners = CleanStateListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface JpaSliceTest {
}
