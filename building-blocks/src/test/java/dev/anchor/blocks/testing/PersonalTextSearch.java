package dev.anchor.blocks.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a marker anywhere in a service's database: every column of every table of the current schema, read as text.
 * Erasure tests write a unique marker into a customer's data, erase the customer, and expect no column to hold it.
 */
public final class PersonalTextSearch {

    private PersonalTextSearch() {
    }

    /** The {@code table.column} names (with their row count) whose text holds {@code marker}; empty when none does. */
    public static List<String> columnsHolding(DataSource dataSource, String marker) {
        try (Connection connection = dataSource.getConnection()) {
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
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot search the database for the marker", e);
        }
    }
}
