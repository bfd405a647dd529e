package org.boxoffice.booking;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The SQL statements the calling thread sends to PostgreSQL while {@link #during} runs, in order: every execution
 * ({@code execute}, {@code executeQuery}, {@code executeUpdate}, {@code executeBatch} …) through the application's
 * {@code DataSource}, JPA and JDBC alike, with its SQL. A test gets the recording {@code DataSource} by importing
 * {@link Config}. Not recorded: what the driver sends by itself (the transaction's BEGIN and COMMIT), other threads'
 * statements (the outbox relay, sweepers), and Redis.
 */
public final class StatementRecorder {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    private StatementRecorder() {
    }

    /** Runs {@code work} on this thread and answers the statements it executed. */
    public static List<String> during(Runnable work) {
        List<String> statements = new ArrayList<>();
        RECORDING.set(statements);
        try {
            work.run();
        } finally {
            RECORDING.remove();
        }
        return statements;
    }

    /** Wraps the application's {@code DataSource} so that {@link #during} sees its statements. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static BeanPostProcessor statementRecordingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource dataSource && !(bean instanceof Recording)
                            ? new Recording(dataSource)
                            : bean;
                }
            };
        }
    }

    private static final class Recording extends DelegatingDataSource {

        Recording(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(super.getConnection(username, password));
        }
    }

    private static Connection connection(Connection target) {
        return proxy(Connection.class, target, (method, args) -> {
            Object result = call(target, method, args);
            if (result instanceof Statement statement) {
                String prepared = method.getName().startsWith("prepare") && args[0] instanceof String sql ? sql : null;
                return statement(statement, prepared);
            }
            return result;
        });
    }

    private static Statement statement(Statement target, @Nullable String prepared) {
        Class<? extends Statement> type = target instanceof CallableStatement ? CallableStatement.class
                : target instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return proxy(type, target, (method, args) -> {
            if (method.getName().startsWith("execute")) {
                List<String> recording = RECORDING.get();
                if (recording != null) {
                    recording.add(args != null && args.length > 0 && args[0] instanceof String sql ? sql
                            : String.valueOf(prepared));
                }
            }
            return call(target, method, args);
        });
    }

    private interface Handler {
        @Nullable
        Object handle(Method method, Object @Nullable [] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Object target, Handler handler) {
        return type.cast(Proxy.newProxyInstance(StatementRecorder.class.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> switch (method.getName()) {
                    // Spring matches a transaction's connection by identity: the proxy is the connection.
                    case "equals" -> args[0] == proxy;
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> handler.handle(method, args);
                }));
    }

    private static @Nullable Object call(Object target, Method method, Object @Nullable [] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
