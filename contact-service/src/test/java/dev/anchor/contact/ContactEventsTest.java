package dev.anchor.contact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.contact.domain.Caller;
import dev.anchor.contact.domain.Channel;
import dev.anchor.contact.domain.ContactDraft;
import dev.anchor.contact.domain.ContactService;
import dev.anchor.contact.domain.Direction;
import dev.anchor.contact.domain.Outcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.anchor.contact.ContactFixtures.AGENT;
import static dev.anchor.contact.ContactFixtures.as;
import static dev.anchor.contact.ContactFixtures.logCall;
import static dev.anchor.contact.ContactFixtures.minutesAgo;
import static dev.anchor.contact.ContactFixtures.newCustomerId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every committed contact change publishes exactly its event on the real broker, schema-valid, without internal notes. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ContactEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    ContactService service;

    private EventStream stream;

    @BeforeEach
    void listen() {
        stream = EventStream.of("contact.events");
    }

    @AfterEach
    void stop() {
        stream.close();
    }

    @Test
    void loggingThenAmendingPublishesLoggedThenAmended() {
        String customer = newCustomerId();
        String id = logCall(customer);
        as(AGENT).header("If-Match", "\"0\"")
                .body("{\"reason\": \"It was resolved after all\", \"changes\": {\"outcome\": \"resolved\", \"internalNotes\": \"Calmer now.\"}}")
                .post("/contacts/{id}/amendments", id).then().statusCode(200);

        List<JsonNode> events = stream.await(id, 2, WAIT);
        assertEquals(List.of("contact.logged", "contact.amended"), EventStream.types(events));
        events.forEach(EventSchemas::assertValid);
        JsonNode logged = events.get(0);
        assertEquals(id, logged.path("subject").asText());
        assertEquals("/anchor/contact-service", logged.path("source").asText());
        assertEquals(customer, logged.at("/data/contact/customerId").asText());
        assertEquals("phone", logged.at("/data/contact/channel").asText());
        assertEquals(420, logged.at("/data/contact/durationSeconds").asInt());
        assertEquals(0, logged.at("/data/contact/version").asLong());
        JsonNode amended = events.get(1);
        assertEquals("resolved", amended.at("/data/contact/outcome").asText());
        assertEquals(1, amended.at("/data/contact/version").asLong());
        assertEquals("agent.alice", amended.at("/data/amendment/by").asText());
        assertEquals("It was resolved after all", amended.at("/data/amendment/reason").asText());
        assertEquals("[\"internalNotes\",\"outcome\"]", amended.at("/data/amendment/fields").toString());
        for (JsonNode event : events) {
            assertFalse(event.toString().contains("frustrated"), "internal notes are never published: " + event);
            assertFalse(event.toString().contains("Calmer"), "internal notes are never published: " + event);
            assertTrue(event.at("/data/contact").has("summary"));
        }
        assertTrue(stream.records().stream().filter(r -> id.equals(r.key())).allMatch(r ->
                "application/cloudevents+json; charset=UTF-8".equals(new String(r.headers().lastHeader("content-type").value()))));
        assertEquals(2, stream.during(id, Duration.ofMillis(500)).size(), "nothing published twice");
    }

    @Test
    void aRefusedChangePublishesNothing() {
        String id = logCall(newCustomerId());
        stream.await(id, 1, WAIT);
        as(AGENT).header("If-Match", "\"7\"").body("{\"reason\": \"r\", \"changes\": {\"outcome\": \"resolved\"}}")
                .post("/contacts/{id}/amendments", id).then().statusCode(412);
        as(AGENT).body("{\"reason\": \"r\", \"changes\": {\"channel\": \"pigeon\"}}")
                .post("/contacts/{id}/amendments", id).then().statusCode(400);
        as(AGENT).body("{\"reason\": \"r\", \"changes\": {\"outcome\": \"follow_up\"}}")
                .post("/contacts/{id}/amendments", id).then().statusCode(422);
        assertEquals(List.of("contact.logged"), EventStream.types(stream.during(id, Duration.ofSeconds(2))));
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        ContactDraft draft = new ContactDraft(UUID.randomUUID(), null, Channel.chat, Direction.inbound, "agent.bob", null,
                minutesAgo(3), 60, "Asked for the opening hours.", null, Outcome.information_given, null);
        QuarkusTransaction.begin();
        String id = service.log(draft, Caller.staff("agent.bob")).id.toString();
        QuarkusTransaction.rollback();

        assertEquals(List.of(), stream.during(id, Duration.ofSeconds(2)));
        as(AGENT).get("/contacts/{id}", id).then().statusCode(404);
    }
}
