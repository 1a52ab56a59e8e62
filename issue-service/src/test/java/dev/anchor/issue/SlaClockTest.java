package dev.anchor.issue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.issueJson;
import static dev.anchor.issue.IssueFixtures.moveTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * SLA clocks per priority (tests run low priority on clocks of seconds: first response 3 s, resolution 5 s), paused
 * while the issue waits on the customer; overdue issues are queryable and announced once.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class SlaClockTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void anUnansweredIssueBreachesItsFirstResponseClockOnce() {
        UUID customerId = customer();
        try (EventStream stream = EventStream.of("issue.events")) {
            String id = openLow(customerId);
            assertEquals(List.of(), overdue(customerId));
            Awaitility.await().atMost(WAIT).until(() -> overdue(customerId).contains(id));
            List<JsonNode> events = stream.await(id, 3, WAIT);
            assertEquals(List.of("issue.opened", "issue.sla-breached", "issue.sla-breached"), EventStream.types(events));
            events.forEach(EventSchemas::assertValid);
            assertEquals("first_response", events.get(1).at("/data/change/clock").asText());
            assertEquals("resolution", events.get(2).at("/data/change/clock").asText());
            assertEquals(3, stream.during(id, Duration.ofSeconds(3)).size(), "each breach is announced once");
        }
        as(AGENT).queryParam("customerId", customerId.toString()).queryParam("overdue", false).get("/issues").then()
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void theClocksStandStillWhileTheIssueWaitsOnTheCustomer() {
        UUID customerId = customer();
        String id = openLow(customerId);
        as(AGENT).post("/issues/{id}/assignment", id).then().statusCode(200);
        moveTo(AGENT, id, "waiting_on_customer").then().statusCode(200);
        // Well past the 5 s resolution clock, but the customer has it: not overdue.
        Awaitility.await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(9))
                .until(() -> !overdue(customerId).contains(id));
        moveTo(AGENT, id, "in_progress").then().statusCode(200);
        assertEquals(List.of(), overdue(customerId), "the paused time was added to the clock");
        Awaitility.await().atMost(WAIT).until(() -> overdue(customerId).contains(id));
    }

    @Test
    void aNextActionPastItsDueTimeIsOverdueAndAnnouncedOnce() {
        UUID customerId = customer();
        String id = as(AGENT).body(issueJson(customerId).replace("}", ", \"takeOwnership\": true}")).post("/issues")
                .then().statusCode(201).extract().path("id");
        try (EventStream stream = EventStream.of("issue.events")) {
            String due = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).toString();
            as(AGENT).body(Map.of("what", "Call back", "who", "agent", "dueAt", due)).put("/issues/{id}/next-action", id)
                    .then().statusCode(200);
            Awaitility.await().atMost(WAIT).until(() -> overdue(customerId).contains(id));
            List<JsonNode> events = stream.await(id, 2, WAIT);
            assertEquals(List.of("issue.next-action-set", "issue.next-action-overdue"), EventStream.types(events));
            EventSchemas.assertValid(events.get(1));
            assertEquals("Call back", events.get(1).at("/data/change/what").asText());
            assertEquals(2, stream.during(id, Duration.ofSeconds(3)).size(), "announced once");
        }
        as(AGENT).queryParam("overdue", true).queryParam("ownerId", IssueFixtures.ALICE_ID).get("/issues").then()
                .body("items.id", org.hamcrest.Matchers.hasItem(id));
        as(AGENT).post("/issues/{id}/close", id).then().statusCode(200);
        assertEquals(List.of(), overdue(customerId), "a closed issue is never overdue");
    }

    private static String openLow(UUID customerId) {
        return as(AGENT).body(issueJson(customerId).replace("\"high\"", "\"low\"")).post("/issues").then().statusCode(201)
                .extract().path("id");
    }

    private static List<String> overdue(UUID customerId) {
        return as(AGENT).queryParam("customerId", customerId.toString()).queryParam("overdue", true).get("/issues").then()
                .statusCode(200).extract().path("items.id");
    }
}
