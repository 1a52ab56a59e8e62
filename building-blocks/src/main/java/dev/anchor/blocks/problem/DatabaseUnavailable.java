package dev.anchor.blocks.problem;

import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/** Tells a database that is out of reach (restarting, no connection left) from a fault of ours: the first is a 503. */
public final class DatabaseUnavailable {

    /** PostgreSQL: too many connections, and the server shutting down or starting up. */
    private static final Set<String> STATES = Set.of("53300", "57P01", "57P02", "57P03");
    private static final Logger LOG = Logger.getLogger(DatabaseUnavailable.class);
    private static final Duration FIRST_WAIT = Duration.ofMillis(200);
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(5);

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
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

    /**
     * Runs {@code work} until the database answers it: while the database is out of reach, waits (200 ms doubling up
     * to 5 s) and tries again, however long the outage; any other failure is thrown at once. For work that must not be
     * dropped and is safe to repeat (a transaction that rolled back whole): applying an event, recording a send.
     */
    public static <T> T waitOut(String what, Supplier<T> work) {
        Duration wait = FIRST_WAIT;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!causes(e)) {
                    throw e;
                }
                LOG.warnf("Waiting %d ms for the database to %s: %s", wait.toMillis(), what, e.getMessage());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
            }
        }
    }

    /** {@link #waitOut(String, Supplier)} for work without a result. */
    public static void waitOut(String what, Runnable work) {
        waitOut(what, () -> {
            work.run();
            return null;
        });
    }
}
