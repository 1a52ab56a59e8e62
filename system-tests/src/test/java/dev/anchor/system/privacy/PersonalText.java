package dev.anchor.system.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Every column of every table of the current schema, read as text, searched for a marker: building-blocks' test kit
 * {@code PersonalTextSearch} over a plain connection (its test-jar is not a dependency of system-tests).
 */
final class PersonalText {

    private PersonalText() {
    }

    /** The {@code table.column} names (with their row count) whose text holds {@code marker}; empty when none does. */
    static List<String> columnsHolding(Connection connection, String marker) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.table_name, c.column_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                order by c.table_name, c.ordinal_position""");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                columns.add(new String[]{rows.getString(1), rows.getString(2)});
            }
        }
        List<String> holding = new ArrayList<>();
        for (String[] column : columns) {
            String sql = "select count(*) from \"" + column[0] + "\" where strpos(\"" + column[1] + "\"::text, ?) > 0";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, marker);
                try (ResultSet count = statement.executeQuery()) {
                    count.next();
                    if (count.getLong(1) > 0) {
                        holding.add(column[0] + "." + column[1] + " (" + count.getLong(1) + " rows)");
                    }
                }
            }
        }
        return holding;
    }
}
