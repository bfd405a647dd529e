package org.boxoffice.platform.problem;

import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A write the database refused because of a value the client sent: a string longer than its column, a number out of
 * range, a duplicate, a reference to nothing. The safety net behind Bean Validation: a request that gets this far
 * broke a limit its payload did not declare; the transaction rolled back, so nothing was changed.
 *
 * <p>Recognised by the SQLSTATE of an {@link SQLException} in the cause chain (class 22, data exception: 400
 * {@code invalid-value}; class 23, integrity constraint violation: 409 {@code conflict}, or 400 for a missing or
 * checked value), so it works for JDBC and JPA alike. The {@code field} member names the offending column in the
 * API's camelCase when the database reports it; nothing else of the database's message is passed on.
 */
public final class DataRejected extends ProblemException {

    /** The value does not fit what the service stores it in (too long, out of range, not representable). */
    public static final ProblemType INVALID_VALUE = new ProblemType("invalid-value", "Invalid value", 400);

    private static final Pattern KEY_COLUMNS = Pattern.compile("Key \\(([^)]+)\\)");

    private DataRejected(ProblemType type, String detail, @Nullable String field) {
        super(type, detail);
        if (field != null) {
            with("field", field);
        }
    }

    /** The problem for {@code failure} if a database refused one of the client's values, else null. */
    public static @Nullable DataRejected from(Throwable failure) {
        SQLException sql = sqlException(failure);
        if (sql == null || sql.getSQLState() == null || sql.getSQLState().length() != 5) {
            return null;
        }
        String state = sql.getSQLState();
        String field = field(sql);
        String named = field == null ? "A value" : "Field '" + field + "'";
        return switch (state) {
            case "22001" -> new DataRejected(INVALID_VALUE, named + " is longer than the service accepts.", field);
            case "22003" -> new DataRejected(INVALID_VALUE, named + " is out of range.", field);
            case "22007", "22008" -> new DataRejected(INVALID_VALUE, named + " is not a date or time the service can store.", field);
            case "22021", "22P05" -> new DataRejected(INVALID_VALUE, named + " contains characters the service cannot store.", field);
            case "23502" -> new DataRejected(ProblemType.VALIDATION_FAILED, named + " is required.", field);
            case "23514" -> new DataRejected(ProblemType.VALIDATION_FAILED, named + " breaks a rule of the service.", field);
            case "23505", "23P01" -> new DataRejected(ProblemType.CONFLICT,
                    (field == null ? "The request" : "The value of '" + field + "'") + " conflicts with an existing one.", field);
            case "23503" -> new DataRejected(ProblemType.CONFLICT,
                    "The request refers to something that does not exist or is still in use.", field);
            default -> state.startsWith("22")
                    ? new DataRejected(INVALID_VALUE, named + " is not valid.", field)
                    : null;
        };
    }

    private static @Nullable SQLException sqlException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** The column the database names (PostgreSQL's column field, or the key of a unique violation), in camelCase. */
    private static @Nullable String field(SQLException sql) {
        String column = PostgresDetails.column(sql);
        if (column == null) {
            String detail = PostgresDetails.detail(sql);
            Matcher key = detail == null ? null : KEY_COLUMNS.matcher(detail);
            if (key != null && key.find() && !key.group(1).contains(",")) {
                column = key.group(1).trim();
            }
        }
        return column == null || !column.matches("[a-z0-9_]+") ? null : camelCase(column);
    }

    static String camelCase(String column) {
        StringBuilder field = new StringBuilder();
        boolean upper = false;
        for (char c : column.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                field.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return field.toString();
    }

    /** Reads PostgreSQL's structured error fields where the driver is on the class path. */
    private static final class PostgresDetails {

        private static final boolean PRESENT = isPresent();

        static @Nullable String column(SQLException sql) {
            return PRESENT && sql instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
                    ? psql.getServerErrorMessage().getColumn() : null;
        }

        static @Nullable String detail(SQLException sql) {
            return PRESENT && sql instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
                    ? psql.getServerErrorMessage().getDetail() : null;
        }

        private static boolean isPresent() {
            try {
                Class.forName("org.postgresql.util.PSQLException", false, DataRejected.class.getClassLoader());
                return true;
            } catch (ClassNotFoundException | LinkageError e) {
                return false;
            }
        }
    }
}
