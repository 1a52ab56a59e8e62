package dev.anchor.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.export.ExportParts;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.contact.ContactFixtures.AGENT;
import static dev.anchor.contact.ContactFixtures.PARTNER;
import static dev.anchor.contact.ContactFixtures.STORE;
import static dev.anchor.contact.ContactFixtures.as;
import static dev.anchor.contact.Upstream.MAPPER;
import static dev.anchor.contact.Upstream.awaitApplied;
import static dev.anchor.contact.Upstream.change;
import static dev.anchor.contact.Upstream.comment;
import static dev.anchor.contact.Upstream.customerChanged;
import static dev.anchor.contact.Upstream.customerErased;
import static dev.anchor.contact.Upstream.customerState;
import static dev.anchor.contact.Upstream.exportRequested;
import static dev.anchor.contact.Upstream.issueEvent;
import static dev.anchor.contact.Upstream.issueState;
import static dev.anchor.contact.Upstream.notificationEvent;
import static dev.anchor.contact.Upstream.sharedWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * customer.export-requested is answered with exactly one part per export on export.parts: the customer's record,
 * contacts (by whom, by name), issues and timeline as the customer reads them; an erased customer's part holds no
 * personal text.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ExportPartTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String NAMED_AGENT = TestJwt.token("agent", "agent.alice", Map.of("name", "Alice Archer"));

    @Inject
    AgroalDataSource db;

    private Upstream.Publisher publisher;
    private EventStream parts;

    @BeforeEach
    void connect() {
        publisher = new Upstream.Publisher();
        parts = EventStream.of(ExportParts.TOPIC);
    }

    @AfterEach
    void disconnect() {
        parts.close();
        publisher.close();
    }

    @Test
    void theCustomersContactsIssuesAndTimelineMakeOnePartPerExport() throws Exception {
        String customer = UUID.randomUUID().toString();
        String issue = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        publisher.send("customer.events", customerChanged("customer.registered",
                customerState(customer, 0, "Ada", "Lovelace", "London", "sms")));
        ObjectNode opened = issueEvent("issue.opened", sharedWith(issueState(issue, customer, "K7-EXPT", "Router drops",
                "open", 0, "Send the router back", "customer", now.plusDays(3)), STORE), Upstream.openedChange(), "phone",
                now.minusHours(3));
        publisher.send("issue.events", opened);
        awaitApplied(db, opened);
        String call = as(NAMED_AGENT).body("""
                {"customerId": "%s", "issueId": "%s", "channel": "phone", "direction": "inbound",
                 "agentId": "agent.alice", "occurredAt": "%s", "durationSeconds": 240, "summary": "Router drops at night",
                 "internalNotes": "Second call this week", "outcome": "follow_up"}"""
                .formatted(customer, issue, now.minusHours(2))).post("/contacts").then().statusCode(201).extract().path("id");
        as(AGENT).body(Map.of("reason", "typo", "changes", Map.of("summary", "Router drops every night",
                        "agentId", "agent.bob")))
                .post("/contacts/{id}/amendments", call).then().statusCode(200);
        as(PARTNER).body("""
                {"customerId": "%s", "channel": "store", "direction": "inbound", "occurredAt": "%s",
                 "summary": "Brought the router in", "outcome": "resolved"}""".formatted(customer, now.minusHours(1)))
                .post("/contacts").then().statusCode(201);
        ObjectNode commented = issueEvent("issue.commented", issueState(issue, customer, "K7-EXPT", "Router drops", "open",
                1, "Send the router back", "customer", now.plusDays(3)), comment("public", "We sent a label"), "email",
                now.minusMinutes(50));
        ObjectNode mail = notificationEvent("notification.sent", UUID.randomUUID().toString(), customer, issue, "email",
                "sent", "We sent a label", now.minusMinutes(45));
        publisher.send("issue.events", commented);
        publisher.send("notification.events", mail);
        awaitApplied(db, commented);
        awaitApplied(db, mail);

        String exportId = UUID.randomUUID().toString();
        ObjectNode request = exportRequested(customer, exportId);
        publisher.send("customer.events", request);
        JsonNode event = parts.await(customer, 1, WAIT).getFirst();

        assertEquals(ExportParts.TYPE, event.path("type").asText());
        JsonNode data = event.path("data");
        assertEquals(exportId, data.path("exportId").asText());
        assertEquals(customer, data.path("customerId").asText());
        assertEquals("contact-service", data.path("service").asText());
        JsonNode part = data.path("part");
        assertFalse(part.path("erased").asBoolean());
        assertEquals("Ada Lovelace", part.path("customer").path("name").asText());
        assertEquals("sms", part.path("customer").path("preferredChannel").asText());
        assertEquals("London", part.path("customer").path("mailingAddress").path("city").asText());

        JsonNode contacts = part.path("contacts");
        assertEquals(2, contacts.size(), contacts.toString());
        JsonNode phone = contacts.get(0);
        assertEquals("phone", phone.path("channel").asText());
        assertEquals("inbound", phone.path("direction").asText());
        assertEquals(240, phone.path("durationSeconds").asInt());
        assertEquals("Router drops every night", phone.path("summary").asText());
        assertEquals("Second call this week", phone.path("internalNotes").asText());
        assertEquals("K7-EXPT", phone.path("issueNumber").asText());
        assertEquals("Alice Archer", phone.path("by").asText());
        assertEquals(OffsetDateTime.parse(phone.path("occurredAt").asText()).toInstant(), now.minusHours(2).toInstant());
        JsonNode amendment = phone.path("amendments").get(0);
        assertEquals("typo", amendment.path("reason").asText());
        assertEquals(List.of("agentId", "summary"), MAPPER.convertValue(amendment.path("fields"), List.class));
        assertEquals("Router drops at night", amendment.path("changes").path("summary").path("from").asText());
        JsonNode store = contacts.get(1);
        assertEquals(STORE, store.path("location").asText());
        assertTrue(store.path("by").isMissingNode(), "a partner's token names no person");

        JsonNode issues = part.path("issues");
        assertEquals(1, issues.size());
        assertEquals("K7-EXPT", issues.get(0).path("number").asText());
        assertEquals("Send the router back", issues.get(0).path("nextAction").asText());
        List<String> timeline = part.path("timeline").findValuesAsText("type");
        assertEquals(List.of("issue.opened", "contact.amended", "contact.logged", "issue.commented", "notification.sent"),
                timeline);
        assertEquals("Alice", part.path("timeline").get(3).path("by").asText());
        String text = part.toString();
        for (String login : List.of("agent.alice", "agent.bob", "partner.store-12")) {
            assertFalse(text.contains(login), "no login id in the part: " + login + " in " + text);
        }

        // a redelivery, and the same export asked for again under another event id, contribute nothing new
        publisher.send("customer.events", request);
        ObjectNode again = exportRequested(customer, exportId);
        publisher.send("customer.events", again);
        awaitApplied(db, again);
        assertEquals(1, parts.during(customer, Duration.ofSeconds(3)).size());
    }

    @Test
    void anErasedCustomersPartHoldsNoPersonalText() {
        String marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String customer = UUID.randomUUID().toString();
        ObjectNode registered = customerChanged("customer.registered",
                customerState(customer, 0, marker + "given", marker + "family", marker + "city", "email"));
        publisher.send("customer.events", registered);
        awaitApplied(db, registered);
        as(NAMED_AGENT).body("""
                {"customerId": "%s", "channel": "email", "direction": "outbound", "agentId": "agent.alice",
                 "occurredAt": "%s", "summary": "%s wrote", "internalNotes": "%s note", "outcome": "information_given"}"""
                .formatted(customer, OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), marker, marker))
                .post("/contacts").then().statusCode(201);
        publisher.send("customer.events", customerErased(customer));
        publisher.send("customer.events", exportRequested(customer, UUID.randomUUID().toString()));

        JsonNode part = parts.await(customer, 1, WAIT).getFirst().path("data").path("part");
        assertTrue(part.path("erased").asBoolean());
        assertFalse(part.toString().contains(marker), part.toString());
        assertTrue(part.path("customer").isMissingNode());
        JsonNode contact = part.path("contacts").get(0);
        assertEquals("email", contact.path("channel").asText());
        assertEquals("information_given", contact.path("outcome").asText());
        assertTrue(contact.path("summary").isMissingNode());
        assertEquals(0, part.path("timeline").size());
        assertEquals(0, part.path("issues").size());
    }
}
