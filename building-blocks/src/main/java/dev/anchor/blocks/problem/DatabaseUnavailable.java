package dev.anchor.blocks.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** Tells a database that is out of reach (restarting, no connection left) from a fault of ours: the first is a 503. */
final class DatabaseUnavailable {

    /** PostgreSQL: too many connections, and the server shutting down or starting up. */
    private static final Set<String> STATES = Set.of("53300", "57P01", "57P02", "57P03");

    private DatabaseUnavailable() {
    }

    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || STATES.contains(sql.getSQLState()))) {
                return true;
            }
            if (cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }
}
