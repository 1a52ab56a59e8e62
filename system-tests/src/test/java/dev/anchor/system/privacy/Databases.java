package dev.anchor.system.privacy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The four services' own PostgreSQL databases, read directly (127.0.0.1:5432, database, user and password
 * {@code anchor_<service>}): the APIs can hide what a table still holds.
 */
final class Databases {

    static final List<String> SERVICES = List.of("customer", "issue", "contact", "notification");

    private Databases() {
    }

    /** Per service, the {@code table.column (n rows)} whose text holds {@code text}; a service holding none is absent. */
    static Map<String, List<String>> columnsHolding(String text) {
        Map<String, List<String>> found = new TreeMap<>();
        for (String service : SERVICES) {
            List<String> columns = withConnection(service, connection -> PersonalText.columnsHolding(connection, text));
            if (!columns.isEmpty()) {
                found.put(service, columns);
            }
        }
        return found;
    }

    /** Per service, how many outbox rows not yet relayed mention {@code text} (a customer id); zero ones absent. */
    static Map<String, Long> outboxRowsMentioning(String text) {
        Map<String, Long> found = new TreeMap<>();
        for (String service : SERVICES) {
            long rows = withConnection(service, connection -> {
                try (PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from outbox_message where strpos(message_key, ?) > 0 or strpos(payload, ?) > 0")) {
                    statement.setString(1, text);
                    statement.setString(2, text);
                    try (ResultSet count = statement.executeQuery()) {
                        count.next();
                        return count.getLong(1);
                    }
                }
            });
            if (rows > 0) {
                found.put(service, rows);
            }
        }
        return found;
    }

    private interface Work<T> {
        T in(Connection connection) throws SQLException;
    }

    private static <T> T withConnection(String service, Work<T> work) {
        String name = "anchor_" + service;
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/" + name, name, name)) {
            return work.in(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
