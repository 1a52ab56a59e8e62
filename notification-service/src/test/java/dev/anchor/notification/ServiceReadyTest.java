package dev.anchor.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** notification-service starts against the real PostgreSQL and Kafka, migrates its schema and serves its operations endpoints. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class ServiceReadyTest {

    private static final String DATABASE_CHECK = "Database connections health check";
    private static final String KAFKA_CHECK = "Kafka connection health check";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void isReadyOnlyWithTheDatabaseAndKafkaUp() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(DATABASE_CHECK, KAFKA_CHECK))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.status", equalTo("UP"))
                .body("checks.find { it.name == '" + DATABASE_CHECK + "' }.data.'<default>'", equalTo("UP"))
                .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.status", equalTo("UP"))
                .body("checks.find { it.name == '" + KAFKA_CHECK + "' }.data.nodes", containsString(":"));
    }

    @Test
    void migratedItsOwnTablesAndTheSharedOnes() throws SQLException {
        assertEquals(Set.of("notification", "idempotency_record", "inbox_message", "outbox_message"),
                Set.copyOf(tables("notification", "idempotency_record", "inbox_message", "outbox_message")));
    }

    @Test
    void servesPrometheusMetrics() {
        given().accept("text/plain").get("/q/metrics").then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("anchor_outbox_relayed_total"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().accept("application/json").get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo("Anchor notification-service"))
                .body("components.securitySchemes.keySet()", hasItem("SecurityScheme"));
    }

    private List<String> tables(String... names) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var query = connection.prepareStatement("""
                     select table_name from information_schema.tables
                     where table_schema = current_schema() and table_name = any (?) order by table_name""")) {
            query.setArray(1, connection.createArrayOf("text", names));
            List<String> found = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }
}
