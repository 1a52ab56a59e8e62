package dev.anchor.issue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.ALICE_ID;
import static dev.anchor.issue.IssueFixtures.BOB;
import static dev.anchor.issue.IssueFixtures.BOB_ID;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.moveTo;
import static dev.anchor.issue.IssueFixtures.openIssue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every change publishes exactly its event on the real broker, schema-valid, keyed by issue, in order. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class IssueEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private EventStream stream;

    @BeforeEach
    void listen() {
        stream = EventStream.of("issue.events");
    }

    @AfterEach
    void stop() {
        stream.close();
    }

    @Test
    void theReferenceJourneyPublishesEveryStepInOrder() {
        String id = openIssue();
        String due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0).toString();
        as(AGENT).header("Anchor-Channel", "phone").post("/issues/{id}/assignment", id).then().statusCode(200);
        as(AGENT).body(Map.of("what", "Send photos of the leak", "who", "customer", "dueAt", due))
                .put("/issues/{id}/next-action", id).then().statusCode(200);
        as(AGENT).body(Map.of("text", "Please send photos", "visibility", "public")).post("/issues/{id}/comments", id)
                .then().statusCode(201);
        as(AGENT).body(Map.of("text", "Probably the pump", "visibility", "internal")).post("/issues/{id}/comments", id)
                .then().statusCode(201);
        moveTo(AGENT, id, "in_progress").then().statusCode(200);
        as(AGENT).body(Map.of("kind", "refund", "amount", new java.math.BigDecimal("19.99"), "currency", "GBP")).post("/issues/{id}/actions", id)
                .then().statusCode(201);
        as(AGENT).body(Map.of("toAgentId", BOB_ID, "toAgentName", "Bob Baker", "introduction", "Bob takes over",
                "previousOwnerBackAt", due)).post("/issues/{id}/handoffs", id).then().statusCode(200);
        moveTo(BOB, id, "resolved").then().statusCode(200);
        as(BOB).post("/issues/{id}/close", id).then().statusCode(200);
        as(BOB).body(Map.of("reason", "Leaking again")).post("/issues/{id}/reopen", id).then().statusCode(200);

        List<JsonNode> events = stream.await(id, 12, WAIT);
        // Resolving ends the next action first (issue.next-action-completed), so the resolved state has none.
        assertEquals(List.of("issue.opened", "issue.assigned", "issue.next-action-set", "issue.commented",
                "issue.commented", "issue.status-changed", "issue.action-taken", "issue.assigned",
                "issue.next-action-completed", "issue.status-changed", "issue.closed", "issue.reopened"),
                EventStream.types(events));
        events.forEach(EventSchemas::assertValid);
        for (int i = 0; i < events.size(); i++) {
            assertEquals(id, events.get(i).path("subject").asText());
            assertEquals(i, events.get(i).at("/data/issue/version").asInt(), "version moves on with every change");
        }
        assertTrue(events.get(0).at("/data/change/statusUrl").asText().matches("http://127\\.0\\.0\\.1:8082/status/[A-Za-z0-9_-]{43}"));
        assertEquals("phone", events.get(1).at("/data/actor/channel").asText());
        assertEquals(ALICE_ID, events.get(1).at("/data/change/owner/id").asText());
        assertEquals("customer", events.get(2).at("/data/change/who").asText());
        assertEquals("internal", events.get(4).at("/data/change/visibility").asText());
        assertEquals(19.99, events.get(6).at("/data/change/amount").asDouble());
        JsonNode handoff = events.get(7).at("/data/change");
        assertEquals(BOB_ID, handoff.at("/owner/id").asText());
        assertEquals(ALICE_ID, handoff.at("/previousOwner/id").asText());
        assertEquals("Bob takes over", handoff.path("introduction").asText());
        assertFalse(handoff.path("previousOwnerBackAt").isMissingNode());
        assertEquals("issue-resolved", events.get(8).at("/data/change/reason").asText());
        assertTrue(events.get(9).at("/data/issue/nextAction").isMissingNode(), "the resolved state has no next action");
        assertEquals("owner", events.get(10).at("/data/change/by").asText());
        assertEquals("Leaking again", events.get(11).at("/data/change/reason").asText());
        assertEquals("agent", events.get(11).at("/data/change/by").asText());
        assertEquals(12, stream.during(id, Duration.ofMillis(500)).size(), "nothing published twice");
    }

    @Test
    void anIssueTakenOnOpeningIsOpenedOwnedAndItsFirstOwnerFollows() {
        String body = IssueFixtures.issueJson(IssueFixtures.customer()).replaceFirst("\\}$", ", \"takeOwnership\": true}");
        String id = as(AGENT).body(body).post("/issues").then().statusCode(201).extract().path("id");
        List<JsonNode> events = stream.await(id, 2, WAIT);
        assertEquals(List.of("issue.opened", "issue.assigned"), EventStream.types(events));
        events.forEach(EventSchemas::assertValid);
        // the customer's first message can name the owner
        assertEquals(ALICE_ID, events.get(0).at("/data/issue/owner/id").asText());
        assertEquals(ALICE_ID, events.get(1).at("/data/change/owner/id").asText());
        assertTrue(events.get(1).at("/data/change/previousOwner").isMissingNode(), "a first owner, not a handoff");
        assertEquals(1, events.get(1).at("/data/issue/version").asInt());
        assertEquals(2, stream.during(id, Duration.ofMillis(500)).size(), "nothing published twice");
    }

    @Test
    void aRefusedChangePublishesNothing() {
        String id = openIssue();
        stream.await(id, 1, WAIT);
        as(AGENT).header("If-Match", "\"9\"").post("/issues/{id}/assignment", id).then().statusCode(412);
        moveTo(AGENT, id, "in_progress").then().statusCode(403);
        as(AGENT).post("/issues/{id}/close", id).then().statusCode(403);
        as(AGENT).body(Map.of("text", "")).post("/issues/{id}/comments", id).then().statusCode(400);
        assertEquals(List.of("issue.opened"), EventStream.types(stream.during(id, Duration.ofSeconds(2))));
        assertEquals(1, IssueFixtures.as(AGENT).get("/issues/{id}/timeline", id).then()
                .extract().<Integer>path("items.findAll { it.kind.startsWith('issue.') }.size()"));
    }
}
