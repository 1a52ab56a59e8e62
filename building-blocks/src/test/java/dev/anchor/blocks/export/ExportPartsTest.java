package dev.anchor.blocks.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testapp.Notes;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.PersonalTextSearch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A service's export part reaches export.parts through the outbox; the marker search finds text in any column. */
@QuarkusTest
class ExportPartsTest {

    @Inject
    ExportParts parts;

    @Inject
    Notes notes;

    @Inject
    DataSource dataSource;

    @Test
    void aPartIsPublishedKeyedByTheCustomerWithTheServiceName() {
        UUID exportId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        try (EventStream stream = EventStream.of(ExportParts.TOPIC)) {
            QuarkusTransaction.requiringNew().run(() -> parts.contribute(exportId, customerId, Map.of("notes", List.of("a"))));
            // a second request for the same export contributes nothing
            assertFalse(QuarkusTransaction.requiringNew().call(() -> parts.contribute(exportId, customerId, Map.of())));
            JsonNode event = stream.await(customerId.toString(), 1, Duration.ofSeconds(15)).get(0);
            assertEquals(ExportParts.TYPE, event.get("type").asText());
            JsonNode data = event.get("data");
            assertEquals(exportId.toString(), data.get("exportId").asText());
            assertEquals("building-blocks", data.get("service").asText());
            assertEquals("a", data.at("/part/notes/0").asText());
        }
    }

    @Test
    void theMarkerSearchNamesEveryColumnHoldingTheMarkerAndNothingElse() {
        String marker = "marker-" + UUID.randomUUID();
        assertEquals(List.of(), PersonalTextSearch.columnsHolding(dataSource, marker));
        notes.write(UUID.randomUUID(), "text with " + marker + " inside");
        List<String> holding = PersonalTextSearch.columnsHolding(dataSource, marker);
        assertTrue(holding.stream().anyMatch(c -> c.startsWith("test_note.text")), holding.toString());
    }
}
