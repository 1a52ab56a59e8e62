package dev.anchor.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.export.ExportParts;
import dev.anchor.blocks.testing.EventPublisher;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.as;

/** Exports as an agent starts them, and the parts the other services would send on export.parts. */
final class ExportFixtures {

    static final String ISSUE = "issue-service";
    static final String CONTACT = "contact-service";
    static final String NOTIFICATION = "notification-service";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExportFixtures() {
    }

    /** Starts an export of {@code customerId} and returns its id. */
    static String startExport(String customerId) {
        return as(AGENT).post("/customers/{id}/exports", customerId).then().statusCode(202).extract().path("exportId");
    }

    /** An export.part CloudEvent as ExportParts writes it in {@code service}. */
    static ObjectNode part(String exportId, String customerId, String service, String partJson) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("exportId", exportId);
        data.put("customerId", customerId);
        data.put("service", service);
        data.set("part", json(partJson));
        return EventPublisher.event("/anchor/" + service, ExportParts.TYPE, customerId, data);
    }

    static JsonNode json(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    /** The number of rows of {@code sql} (one {@code ?}: a UUID). */
    static long count(DataSource dataSource, String sql, String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(id));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs an update with one UUID parameter, e.g. to move an export's request into the past. */
    static void update(DataSource dataSource, String sql, String id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, UUID.fromString(id));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
