package dev.parley.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells "the database cannot be reached" (stopped, restarting, network gone, pool exhausted) from other
 * failures, so that pages can say "try again in a moment" with a 503 instead of reporting an incident.
 */
public final class DatabaseFailures {

    /** What a 503 asks browsers and clients to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 30;

    private DatabaseFailures() {}

    public static boolean isUnavailable(Throwable failure) {
        return isUnavailable(failure, 0);
    }

    /**
     * Looks through causes and suppressed exceptions: a failed commit reports the broken connection as a
     * suppressed exception of the transaction manager's rollback exception.
     */
    private static boolean isUnavailable(Throwable failure, int depth) {
        if (failure == null || depth > 20) {
            return false;
        }
        if (failure instanceof SQLTransientConnectionException
                || failure instanceof SQLNonTransientConnectionException
                || failure instanceof org.hibernate.exception.JDBCConnectionException) {
            return true;
        }
        if (failure instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isPoolTimeout(sql))) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (isUnavailable(suppressed, depth + 1)) {
                return true;
            }
        }
        return failure.getCause() != failure && isUnavailable(failure.getCause(), depth + 1);
    }

    /** SQLSTATE class 08 (connection exception) and 57P (the server is shutting down or starting). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /** Agroal's "no connection within the acquisition timeout", which carries no SQLSTATE. */
    private static boolean isPoolTimeout(SQLException sql) {
        return sql.getSQLState() == null
                && sql.getMessage() != null
                && sql.getMessage().startsWith("Acquisition timeout");
    }
}
