package dev.anchor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.export.ExportParts;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.notification.api.CallbackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.notification.Fixtures.MAPPER;
import static dev.anchor.notification.Fixtures.PUBLISHER;
import static dev.anchor.notification.Fixtures.WAIT;
import static dev.anchor.notification.Fixtures.awaitNotifications;
import static dev.anchor.notification.Fixtures.awaitApplied;
import static dev.anchor.notification.Fixtures.change;
import static dev.anchor.notification.Fixtures.erasedEvent;
import static dev.anchor.notification.Fixtures.exportRequested;
import static dev.anchor.notification.Fixtures.customer;
import static dev.anchor.notification.Fixtures.issue;
import static dev.anchor.notification.Fixtures.issueEvent;
import static dev.anchor.notification.Fixtures.number;
import static dev.anchor.notification.Fixtures.opened;
import static dev.anchor.notification.Fixtures.registered;
import static dev.anchor.notification.Fixtures.sendIssue;
import static dev.anchor.notification.Fixtures.uniqueEmail;
import static dev.anchor.notification.Fixtures.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * customer.export-requested is answered with exactly one part per export on export.parts: the customer's details and
 * preferences, every message with its address, text, delivery and reasons, and their suppressed addresses; an erased
 * customer's part holds no personal text.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class ExportPartTest {

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
    void theCustomersPreferencesMessagesAndSuppressedAddressesMakeOnePartPerExport() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        String phone = uniquePhone();
        registered(customer(customerId, 1, email, phone, p -> p.put("language", "de")));
        UUID issueId = UUID.randomUUID();
        String issueNumber = number();
        sendIssue(opened(issue(issueId, customerId, issueNumber, 1, "normal")));
        String openedId = (String) awaitNotifications(issueId, 1, "sent").get(0).get("id");
        signed("/callbacks/email", "{\"address\": \"" + email + "\", \"type\": \"hard-bounce\", \"reference\": \""
                + openedId + "\"}").then().statusCode(204);
        sendIssue(issueEvent("issue.commented", issue(issueId, customerId, issueNumber, 2, "normal"),
                change(Map.of("commentId", UUID.randomUUID().toString(), "visibility", "public",
                        "author", Map.of("role", "agent", "id", "agent.alice", "displayName", "Alice"),
                        "text", "We ordered the part"))));
        awaitNotifications(issueId, 2, "failed", "suppressed");

        String exportId = UUID.randomUUID().toString();
        ObjectNode request = exportRequested(customerId, exportId);
        PUBLISHER.send("customer.events", request);
        JsonNode event = parts.await(customerId.toString(), 1, WAIT).getFirst();

        assertEquals(ExportParts.TYPE, event.path("type").asText());
        JsonNode data = event.path("data");
        assertEquals(exportId, data.path("exportId").asText());
        assertEquals("notification-service", data.path("service").asText());
        JsonNode part = data.path("part");
        assertFalse(part.path("erased").asBoolean());
        JsonNode preferences = part.path("preferences");
        assertEquals("Ada Lovelace", preferences.path("name").asText());
        assertEquals(email, preferences.path("email").asText());
        assertEquals(phone, preferences.path("phone").asText());
        assertEquals("email", preferences.path("preferredChannel").asText());
        assertEquals("de", preferences.path("language").asText());
        assertEquals("UTC", preferences.path("timeZone").asText());
        assertTrue(preferences.path("serviceMessages").asBoolean());
        assertFalse(preferences.path("marketingMessages").asBoolean());

        JsonNode messages = part.path("messages");
        assertEquals(2, messages.size(), messages.toString());
        JsonNode comment = messages.get(0); // newest first
        assertEquals("suppressed", comment.path("status").asText());
        assertEquals("address-suppressed:email", comment.path("reason").asText());
        JsonNode first = messages.get(1);
        assertEquals(issueNumber, first.path("issueNumber").asText());
        assertEquals("email", first.path("channel").asText());
        assertEquals(email, first.path("address").asText());
        assertEquals("failed", first.path("status").asText());
        assertEquals("hard-bounce", first.path("reason").asText());
        assertEquals(1, first.path("attempts").asInt());
        assertTrue(first.path("subject").asText().contains(issueNumber), first.toString());
        assertTrue(first.path("text").asText().contains("Washing machine leaks"), first.toString());
        assertFalse(first.path("sentAt").isMissingNode());
        JsonNode suppressed = part.path("suppressedAddresses");
        assertEquals(1, suppressed.size());
        assertEquals(email, suppressed.get(0).path("address").asText());
        assertEquals("hard-bounce", suppressed.get(0).path("reason").asText());
        String text = part.toString();
        assertFalse(text.contains("\"parts\"") || text.contains("trigger"), "nothing internal: " + text);

        // a redelivery, and the same export asked for again under another event id, contribute nothing new
        PUBLISHER.send("customer.events", request);
        ObjectNode again = exportRequested(customerId, exportId);
        PUBLISHER.send("customer.events", again);
        awaitApplied(again);
        assertEquals(1, parts.during(customerId.toString(), Duration.ofSeconds(3)).size());
    }

    @Test
    void anErasedCustomersPartHoldsNoPersonalText() throws Exception {
        UUID customerId = UUID.randomUUID();
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String email = marker + "@example.com";
        registered(customer(customerId, 1, email, null, p -> { }).put("displayName", marker + " Lovelace"));
        UUID issueId = UUID.randomUUID();
        sendIssue(issueEvent("issue.opened", issue(issueId, customerId, number(), 1, "normal")
                .put("title", marker + " leaks"), MAPPER.createObjectNode().put("statusUrl", "https://s.example/" + marker)));
        awaitNotifications(issueId, 1, "sent");
        PUBLISHER.send("customer.events", erasedEvent(customerId));
        PUBLISHER.send("customer.events", exportRequested(customerId, UUID.randomUUID().toString()));

        JsonNode part = parts.await(customerId.toString(), 1, WAIT).getFirst().path("data").path("part");
        assertTrue(part.path("erased").asBoolean());
        assertFalse(part.toString().contains(marker), part.toString());
        assertTrue(part.path("preferences").isMissingNode());
        JsonNode message = part.path("messages").get(0);
        assertEquals("sent", message.path("status").asText());
        assertEquals("email", message.path("channel").asText());
        assertTrue(message.path("address").isMissingNode() && message.path("text").isMissingNode());
        Awaitility.await().atMost(WAIT).until(() -> "0".equals(Replicas.value("select count(*) from outbox_message")));
    }

    private static io.restassured.response.Response signed(String path, String body) {
        return given().contentType(ContentType.JSON).header(CallbackResource.SIGNATURE, "sha256=" + HexFormat.of()
                .formatHex(CallbackResource.sign(Fixtures.CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8), body)))
                .body(body).post(path);
    }
}
