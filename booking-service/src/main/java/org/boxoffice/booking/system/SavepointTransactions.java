package org.boxoffice.booking.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import org.hibernate.HibernateException;
import org.hibernate.engine.spi.SessionImplementor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.SavepointManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionSystemException;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * {@code PROPAGATION_NESTED} inside JPA transactions, as JDBC savepoints on the transaction's connection. A late
 * payment re-takes its seats through the hold path's fence inside a savepoint (docs/sale-saga.md): when the seats are
 * gone, only the fence's statements roll back and the order is refunded in the same transaction. Spring's
 * {@link JpaTransactionManager} refuses nested transactions and Hibernate's dialect offers no savepoints, because a
 * savepoint cannot roll back the persistence context; the work inside one here is JDBC only, which it can.
 */
@Configuration(proxyBeanMethods = false)
class SavepointTransactions {

    @Bean
    static BeanPostProcessor savepointsInJpaTransactions() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof JpaTransactionManager manager) {
                    // After initialization: afterPropertiesSet takes the dialect of the EntityManagerFactory.
                    manager.setJpaDialect(new SavepointingDialect());
                    manager.setNestedTransactionAllowed(true);
                }
                return bean;
            }
        };
    }

    /** Hibernate's dialect whose transactions also create, roll back to and release JDBC savepoints. */
    static final class SavepointingDialect extends HibernateJpaDialect {

        @Override
        public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition)
                throws PersistenceException, SQLException, TransactionException {
            return new Savepoints(super.beginTransaction(entityManager, definition),
                    entityManager.unwrap(SessionImplementor.class));
        }

        @Override
        public void cleanupTransaction(@Nullable Object transactionData) {
            super.cleanupTransaction(transactionData instanceof Savepoints savepoints ? savepoints.transactionData()
                    : transactionData);
        }
    }

    private record Savepoints(@Nullable Object transactionData, SessionImplementor session)
            implements SavepointManager {

        @Override
        public Object createSavepoint() {
            try {
                return session.doReturningWork(Connection::setSavepoint);
            } catch (HibernateException e) {
                throw new TransactionSystemException("Could not create a savepoint", e);
            }
        }

        @Override
        public void rollbackToSavepoint(Object savepoint) {
            try {
                session.doWork(connection -> connection.rollback((Savepoint) savepoint));
            } catch (HibernateException e) {
                throw new TransactionSystemException("Could not roll back to a savepoint", e);
            }
        }

        @Override
        public void releaseSavepoint(Object savepoint) {
            try {
                session.doWork(connection -> connection.releaseSavepoint((Savepoint) savepoint));
            } catch (HibernateException e) {
                throw new TransactionSystemException("Could not release a savepoint", e);
            }
        }
    }
}
