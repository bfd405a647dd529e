package org.boxoffice.payment;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.boxoffice.platform.testing.CleanStateListener;
import org.boxoffice.platform.testing.InfrastructureInitializer;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A JPA slice (entities, repositories, Flyway, Hibernate's schema validation) on the same real PostgreSQL as
 * {@link org.boxoffice.platform.testing.IntegrationTest}, its tables emptied before each test class. No test-managed
 * transaction: a test commits each step itself (a {@code TransactionTemplate}), as the service does, so that locks,
 * versions and constraints act as they do in production. Name such classes {@code *IT}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
@TestExecutionListeners(listeners = CleanStateListener.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
public @interface JpaSliceTest {
}
