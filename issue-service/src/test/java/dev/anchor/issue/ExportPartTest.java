package dev.anchor.issue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.export.ExportParts;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.BOB_ID;
import static dev.anchor.issue.IssueFixtures.MAPPER;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.sql;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * customer.export-requested: issue-service contributes exactly one part per export on export.parts — every issue of the
 * customer as they would read it, their comments and the staff notes labelled as such — and an erased customer's part
 * holds no issue.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ExportPartTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private EventStream parts;

    @BeforeEach
    void listen() {
        parts = EventStream.of(ExportParts.TOPIC);
    }

    @AfterEach
    void stop() {
        parts.close();
    }

    @Test
    void aRequestedExportGetsOnePartWithEveryIssueOfTheCustomer() throws Exception {
        UUID customer = customer("Ada Lovelace", "en", "Pacific/Auckland");
        UUID someoneElse = customer("Charles Babbage", "en", "UTC");
        String first = as(AGENT).body("""
                {"customerId": "%s", "title": "Washing machine leaks", "description": "Water under the door",
                 "category": "appliance", "priority": "high", "channel": "phone", "locationId": "store-12",
                 "takeOwnership": true}""".formatted(customer)).post("/issues").then().statusCode(201).extract().path("id");
        String due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0).toString();
        as(AGENT).body(Map.of("what", "Repair the pump", "who", "partner", "dueAt", due, "locationId", "repair-3"))
                .put("/issues/{id}/next-action", first).then().statusCode(200);
        as(AGENT).body(Map.of("text", "We will call you tomorrow", "visibility", "public"))
                .post("/issues/{id}/comments", first).then().statusCode(201);
        as(AGENT).body(Map.of("text", "Customer was upset on the phone", "visibility", "internal"))
                .post("/issues/{id}/comments", first).then().statusCode(201);
        as(AGENT).body(Map.of("toAgentId", BOB_ID, "toAgentName", "Bob Baker", "introduction", "Bob knows pumps"))
                .post("/issues/{id}/handoffs", first).then().statusCode(200);
        String url = as(AGENT).body("").post("/issues/{id}/status-link", first).then().statusCode(201).extract().path("statusUrl");
        String token = url.substring(url.lastIndexOf('/') + 1);
        given().redirects().follow(false).formParam("text", "Thank you, I am home after five")
                .formParam("formToken", StatusPageTest.formToken("/status/" + token))
                .post("/status/{token}/comments", token).then().statusCode(303);
        String second = as(AGENT).body("""
                {"customerId": "%s", "title": "Invoice twice", "category": "billing", "priority": "low",
                 "channel": "email"}""".formatted(customer)).post("/issues").then().statusCode(201).extract().path("id");
        as(AGENT).body("""
                {"customerId": "%s", "title": "Not Ada's", "category": "billing", "priority": "low",
                 "channel": "email"}""".formatted(someoneElse)).post("/issues").then().statusCode(201);

        UUID exportId = UUID.randomUUID();
        ObjectNode requested = exportRequested(exportId, customer);
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send("customer.events", requested);
            publisher.send("customer.events", requested); // a redelivery contributes nothing new
        }
        List<JsonNode> received = parts.await(customer.toString(), 1, WAIT);
        awaitApplied(requested);
        received = parts.during(customer.toString(), Duration.ofSeconds(3));
        assertEquals(1, received.size(), "one part per export: " + received);
        JsonNode event = received.get(0);
        assertEquals(ExportParts.TYPE, event.path("type").asText());
        JsonNode data = event.path("data");
        assertEquals(exportId.toString(), data.path("exportId").asText());
        assertEquals(customer.toString(), data.path("customerId").asText());
        assertEquals("issue-service", data.path("service").asText());
        JsonNode part = data.path("part");
        assertEquals("Ada Lovelace", part.at("/customer/displayName").asText());
        assertEquals(2, part.path("issues").size(), part.toPrettyString());
        JsonNode leak = part.path("issues").get(0);
        assertEquals("Washing machine leaks", leak.path("subject").asText());
        assertEquals("Water under the door", leak.path("description").asText());
        assertEquals("We have your request", leak.path("status").asText());
        assertEquals(List.of("Alice Archer", "Bob Baker"), texts(leak.path("owners")));
        assertEquals(List.of("repair-3", "store-12"), texts(leak.path("locations")));
        assertEquals("Repair the pump", leak.at("/nextAction/what").asText());
        assertEquals("repair-3", leak.at("/nextAction/locationId").asText());
        assertTrue(leak.hasNonNull("openedAt"));
        assertTrue(texts(leak.path("history").findValues("text")).contains("We will call you tomorrow"));
        assertTrue(texts(leak.path("history").findValues("text")).contains("Bob knows pumps"));
        assertEquals(List.of("Thank you, I am home after five"), texts(leak.path("customerComments").findValues("text")));
        List<String> notes = texts(leak.path("staffNotes").findValues("text"));
        assertTrue(notes.contains("Customer was upset on the phone"), leak.path("staffNotes").toPrettyString());
        leak.path("staffNotes").forEach(note -> assertTrue(note.path("label").asText().startsWith("Staff note"), note.toString()));
        assertFalse(texts(leak.path("history").findValues("text")).contains("Customer was upset on the phone"),
                "a staff note is not in the public history");
        assertEquals("Invoice twice", part.path("issues").get(1).path("subject").asText());
        String whole = part.toString();
        assertFalse(whole.contains("Not Ada's"), "another customer's issue is not in the part");
        assertFalse(whole.contains(token), "no status link in the part");
        assertFalse(whole.contains(second) || whole.contains(first), "no internal ids in the part");
    }

    @Test
    void anErasedCustomersPartHoldsNoIssue() throws Exception {
        UUID customer = customer("Grace Hopper", "en", "UTC");
        as(AGENT).body("""
                {"customerId": "%s", "title": "Printer jams", "category": "office", "priority": "normal",
                 "channel": "phone"}""".formatted(customer)).post("/issues").then().statusCode(201);
        ObjectNode erasedData = MAPPER.createObjectNode();
        erasedData.put("customerId", customer.toString());
        erasedData.putArray("mergedIds");
        erasedData.put("erasedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        UUID exportId = UUID.randomUUID();
        // Ordered with the erasure on the customer's key, as customer-service publishes them.
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send("customer.events", EventPublisher.event("/anchor/customer-service", "customer.erased",
                    customer.toString(), erasedData));
            publisher.send("customer.events", exportRequested(exportId, customer));
        }
        JsonNode part = parts.await(customer.toString(), 1, WAIT).get(0).at("/data/part");
        assertEquals("{\"issues\":[]}", part.toString());
    }

    @Test
    void aRequestBreakingTheContractIsRejectedAndContributesNothing() throws Exception {
        UUID customer = customer("Alan Turing", "en", "UTC");
        ObjectNode data = MAPPER.createObjectNode();
        data.put("exportId", "not-a-uuid");
        data.put("customerId", customer.toString());
        data.put("requestedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        ObjectNode bad = EventPublisher.event("/anchor/customer-service", "customer.export-requested",
                customer.toString(), data);
        ObjectNode good = exportRequested(UUID.randomUUID(), customer);
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send("customer.events", bad);
            publisher.send("customer.events", good);
        }
        awaitApplied(good);
        List<JsonNode> received = parts.during(customer.toString(), Duration.ofSeconds(2));
        assertEquals(List.of(good.at("/data/exportId").asText()), received.stream()
                .map(e -> e.at("/data/exportId").asText()).toList(), "only the well-formed request got a part");
    }

    private static ObjectNode exportRequested(UUID exportId, UUID customerId) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("exportId", exportId.toString());
        data.put("customerId", customerId.toString());
        data.put("requestedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        return EventPublisher.event("/anchor/customer-service", "customer.export-requested", customerId.toString(), data);
    }

    private static void awaitApplied(ObjectNode event) {
        UUID eventId = UUID.fromString(event.path("id").asText());
        Awaitility.await().atMost(WAIT).until(() -> "1".equals(sql(
                "select count(*) from inbox_message where consumer = 'issue-service.customer.events' and event_id = ?",
                eventId)));
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
