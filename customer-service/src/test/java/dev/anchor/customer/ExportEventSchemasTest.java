package dev.anchor.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.export.ExportParts;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.customer.CustomerFixtures.registerId;
import static dev.anchor.customer.ExportFixtures.ISSUE;
import static dev.anchor.customer.ExportFixtures.part;
import static dev.anchor.customer.ExportFixtures.startExport;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The two event types of an export match their published schemas, and the schemas refuse what breaks them. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ExportEventSchemasTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ExportParts parts;

    @Test
    void exportRequestedMatchesItsSchema() {
        String id = registerId();
        try (EventStream stream = EventStream.of("customer.events")) {
            startExport(id);
            JsonNode requested = stream.await(id, 1, WAIT).get(0);
            EventSchemas.assertValid(requested);

            ObjectNode withName = requested.deepCopy();
            ((ObjectNode) withName.get("data")).put("givenName", "Ada");
            assertThrows(AssertionError.class, () -> EventSchemas.assertValid(withName), "no personal data");
            ObjectNode withoutExport = requested.deepCopy();
            ((ObjectNode) withoutExport.get("data")).remove("exportId");
            assertThrows(AssertionError.class, () -> EventSchemas.assertValid(withoutExport));
        }
    }

    /** What building-blocks' ExportParts writes in any service, read off the real broker. */
    @Test
    void aPartAsExportPartsPublishesItMatchesItsSchema() {
        UUID exportId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        try (EventStream stream = EventStream.of(ExportParts.TOPIC)) {
            QuarkusTransaction.requiringNew().run(() ->
                    parts.contribute(exportId, customerId, Map.of("issues", List.of(Map.of("title", "Kettle")))));
            JsonNode published = stream.await(customerId.toString(), 1, WAIT).get(0);
            EventSchemas.assertValid(published);
            assertEquals(ExportParts.TYPE, published.path("type").asText());
        }
        EventSchemas.assertValid(part(exportId.toString(), customerId.toString(), ISSUE, "{\"issues\": []}"));
    }

    @Test
    void thePartSchemaRefusesAPartThatIsNotAnObjectOrHasNoService() {
        ObjectNode valid = part(UUID.randomUUID().toString(), UUID.randomUUID().toString(), ISSUE, "{}");
        ObjectNode text = valid.deepCopy();
        ((ObjectNode) text.get("data")).put("part", "text");
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(text));
        ObjectNode anonymous = valid.deepCopy();
        ((ObjectNode) anonymous.get("data")).remove("service");
        assertThrows(AssertionError.class, () -> EventSchemas.assertValid(anonymous));
    }
}
