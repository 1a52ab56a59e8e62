package dev.anchor.blocks.testing;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What every service owes its operators, checked the same way in each: ready only with its database and Kafka,
 * its schema migrated (its own tables and the shared ones), health and Prometheus metrics on the management
 * interface only, and its OpenAPI document.
 * A service's {@code ServiceReadyTest} extends this as a {@code @QuarkusTest}.
 */
public abstract class ServiceReadiness {

    private static final String DATABASE_CHECK = "Database connections health check";
    private static final String KAFKA_CHECK = "Kafka connection health check";
    private static final Set<String> SHARED_TABLES = Set.of("outbox_message", "inbox_message", "idempotency_record");

    @Inject
    AgroalDataSource dataSource;

    /** The management interface's URLs are relative to its root, /q. */
    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    /** The OpenAPI title, e.g. "Anchor customer-service". */
    protected abstract String title();

    /** The tables the service's own migrations create. */
    protected abstract Set<String> ownTables();

    @Test
    void isReadyOnlyWithTheDatabaseAndKafkaUp() {
        given().get(readiness).then().log().ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(DATABASE_CHECK, KAFKA_CHECK))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.data.'<default>'", equalTo("UP"))
                .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.status", equalTo("UP"))
                .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.data.nodes", containsString(":"));
    }

    @Test
    void migratedItsOwnTablesAndTheSharedOnes() throws SQLException {
        Set<String> expected = new HashSet<>(ownTables());
        expected.addAll(SHARED_TABLES);
        assertEquals(expected, existing(expected));
    }

    @Test
    void servesPrometheusMetrics() {
        given().accept("text/plain").get(metrics).then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("anchor_outbox_relayed_total"));
    }

    @Test
    void servesNeitherHealthNorMetricsOnTheApiPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }

    @Test
    void servesItsOpenApiDocument() {
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo(title()))
                .body("components.securitySchemes.keySet()", hasItem("SecurityScheme"));
    }

    private Set<String> existing(Set<String> names) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select table_name from information_schema.tables
                     where table_schema = current_schema() and table_name = any (?)""")) {
            query.setArray(1, connection.createArrayOf("text", names.toArray()));
            Set<String> found = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }
}
