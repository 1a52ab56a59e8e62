package dev.anchor.blocks.problem;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An unreachable database is told apart from our own faults, however deep the driver's exception sits. */
class DatabaseUnavailableTest {

    @Test
    void connectionFailuresAndAFullOrRestartingServerAreUnavailability() {
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(DatabaseUnavailable.causes(new IllegalStateException(new RuntimeException(
                new SQLException("remaining connection slots are reserved", "53300")))));
        assertTrue(DatabaseUnavailable.causes(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseUnavailable.causes(new RuntimeException(new SQLTransientConnectionException("timeout"))));
    }

    @Test
    void otherFailuresAreOurs() {
        assertFalse(DatabaseUnavailable.causes(new SQLException("invalid byte sequence", "22021")));
        assertFalse(DatabaseUnavailable.causes(new SQLException("no state")));
        assertFalse(DatabaseUnavailable.causes(new NullPointerException()));
    }
}
