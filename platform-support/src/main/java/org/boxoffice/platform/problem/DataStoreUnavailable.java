package org.boxoffice.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database went away under a request: restarted or failed over (its connections terminated, SQLSTATE class 08 or
 * 57P01-57P03), no connection to be had within the pool's wait, a commit or rollback that failed on a broken
 * connection, or a statement cancelled by its timeout. Nothing the
 * client did; the transaction rolled back (or, when the connection broke during the commit, its outcome is for the
 * client's retry with the same {@code Idempotency-Key} to find out). Answered as {@code 503 service-unavailable} with
 * {@code Retry-After} instead of a 500: the request is worth repeating in a moment.
 *
 * <p>Recognised in the cause chain, so it works for JDBC and JPA alike, as {@link DataRejected} does for the client's
 * own bad values.
 */
public final class DataStoreUnavailable extends ProblemException {

    /** Seconds a client should wait before repeating the request. */
    public static final int RETRY_AFTER_SECONDS = 2;

    /**
     * Hibernate could not commit or roll back on its connection: the connection broke under the transaction (the
     * statement's own error, e.g. 57P01, is then not in the cause chain, only the closed connection). By name, as
     * not every service has Hibernate.
     */
    private static final String HIBERNATE_TRANSACTION_FAILED = "org.hibernate.TransactionException";

    /** PostgreSQL's "operator intervention" states: admin shutdown, crash shutdown, cannot connect now. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private DataStoreUnavailable() {
        super(ProblemType.SERVICE_UNAVAILABLE,
                "The service's database is unavailable for a moment; nothing was changed. Retry after a few seconds "
                        + "(with the same Idempotency-Key).");
        with("retryAfterSeconds", RETRY_AFTER_SECONDS);
    }

    /** The problem for {@code failure} if the database was unreachable or went away during it, else null. */
    public static @Nullable DataStoreUnavailable from(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessResourceException
                    || cause instanceof QueryTimeoutException || cause instanceof CannotCreateTransactionException
                    || cause instanceof TransactionSystemException || cause instanceof SQLTransientConnectionException
                    || HIBERNATE_TRANSACTION_FAILED.equals(cause.getClass().getName())
                    || cause instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return new DataStoreUnavailable();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static boolean connectionLost(@Nullable String state) {
        return state != null && (state.startsWith("08") || SERVER_GOING_AWAY.contains(state) || "57014".equals(state));
    }
}
