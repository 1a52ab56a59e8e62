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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.BOB;
import static dev.anchor.issue.IssueFixtures.OTHER_PARTNER;
import static dev.anchor.issue.IssueFixtures.PARTNER;
import static dev.anchor.issue.IssueFixtures.SUPERVISOR;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.issueJson;
import static dev.anchor.issue.IssueFixtures.ownedIssue;
import static dev.anchor.issue.IssueFixtures.version;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A store or repair partner books a repair and reports it done on an issue shared with it — and nothing else. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class PartnerActionsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PARTNER_WITHOUT_LOCATION = TestJwt.token("partner", "partner.nowhere");

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
    void aPartnerBooksARepairAndReportsItDoneOnTheRecord() {
        String id = ownedIssue();
        String scheduled = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0).toString();
        as(PARTNER).body(Map.of("kind", "repair", "place", "Repair centre, Mill Lane", "scheduledAt", scheduled))
                .post("/issues/{id}/actions", id).then().statusCode(201).header("ETag", "\"2\"")
                .body("kind", equalTo("issue.action-taken"))
                .body("visibility", equalTo("public"))
                .body("actor.role", equalTo("partner"))
                .body("actor.id", equalTo("partner.store-12"))
                .body("actor.displayName", equalTo("Store 12"));
        as(PARTNER).body(Map.of("kind", "repair_done", "place", "Repair centre, Mill Lane", "note", "New pump fitted"))
                .post("/issues/{id}/actions", id).then().statusCode(201)
                .body("summary", equalTo("Repair done at Repair centre, Mill Lane"))
                .body("detail", equalTo("New pump fitted"));

        List<JsonNode> events = stream.await(id, 4, WAIT);
        assertEquals(List.of("issue.opened", "issue.assigned", "issue.action-taken", "issue.action-taken"),
                EventStream.types(events));
        events.forEach(EventSchemas::assertValid);
        JsonNode booked = events.get(2).path("data");
        assertEquals("repair", booked.at("/change/kind").asText());
        assertEquals("Repair centre, Mill Lane", booked.at("/change/place").asText());
        assertEquals("partner", booked.at("/actor/role").asText());
        assertEquals("partner.store-12", booked.at("/actor/id").asText());
        assertEquals("agent.alice", booked.at("/issue/owner/id").asText(), "the owner stays the owner");
        JsonNode done = events.get(3).path("data");
        assertEquals("repair_done", done.at("/change/kind").asText());
        assertEquals("New pump fitted", done.at("/change/note").asText());
        assertEquals("partner", done.at("/actor/role").asText());
        assertFalse(done.path("change").has("amount"));

        as(SUPERVISOR).get("/issues/{id}/timeline", id).then()
                .body("items.findAll { it.kind == 'issue.action-taken' }.actor.role", equalTo(List.of("partner", "partner")));
        as(PARTNER).get("/issues/{id}/timeline", id).then().statusCode(200)
                .body("items.summary", hasItem("Repair done at Repair centre, Mill Lane"));
        String url = as(AGENT).post("/issues/{id}/status-link", id).then().statusCode(201).extract().path("statusUrl");
        given().accept("application/json").get(url.substring(url.indexOf("/status/"))).then().statusCode(200)
                .body("history.findAll { it.kind == 'issue.action-taken' }.by", equalTo(List.of("Store 12", "Store 12")))
                .body("history.text", hasItem("New pump fitted"))
                .body("history.label", hasItem(startsWith("Reparatur gebucht bei Repair centre, Mill Lane für ")))
                .body("history.label", hasItem("Reparatur erledigt bei Repair centre, Mill Lane"));
    }

    @Test
    void aPartnerReportsARepairDoneWithNothingMoreOnAnUnownedIssue() {
        String id = IssueFixtures.openIssue();
        as(PARTNER).body(Map.of("kind", "repair_done")).post("/issues/{id}/actions", id).then().statusCode(201)
                .body("summary", equalTo("Repair done")).body("actor.role", equalTo("partner"));
        List<JsonNode> events = stream.await(id, 2, WAIT);
        EventSchemas.assertValid(events.get(1));
        assertEquals("repair_done", events.get(1).at("/data/change/kind").asText());
        as(AGENT).get("/issues/{id}", id).then().body("owner", equalTo(null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"kind\": \"refund\", \"amount\": 10.00, \"currency\": \"EUR\"}",
            "{\"kind\": \"replacement\"}",
            "{\"kind\": \"other\", \"note\": \"Gave a voucher\"}"})
    void anyOtherKindByAPartnerIs403AndChangesNothing(String body) {
        String id = ownedIssue();
        assertProblem(as(PARTNER).body(body).post("/issues/{id}/actions", id).then(), 403);
        assertNothingChanged(id);
    }

    @Test
    void anIssueNotSharedWithThePartnerIs404AndChangesNothing() {
        String id = ownedIssue();
        String elsewhere = as(AGENT).body(issueJson(customer()).replace("store-12", "store-99"))
                .post("/issues").then().statusCode(201).extract().path("id");
        String nowhere = as(AGENT).body(issueJson(customer()).replace(", \"locationId\": \"store-12\"", ""))
                .post("/issues").then().statusCode(201).extract().path("id");
        assertProblem(as(OTHER_PARTNER).body(Map.of("kind", "repair_done")).post("/issues/{id}/actions", id).then(), 404);
        assertProblem(as(PARTNER).body(Map.of("kind", "repair_done")).post("/issues/{id}/actions", elsewhere).then(), 404);
        assertProblem(as(PARTNER).body(Map.of("kind", "repair_done")).post("/issues/{id}/actions", nowhere).then(), 404);
        assertProblem(as(OTHER_PARTNER).header("If-Match", "\"7\"").body(Map.of("kind", "repair_done"))
                .post("/issues/{id}/actions", id).then(), 404).body("detail", org.hamcrest.Matchers.containsString(id));
        assertNothingChanged(id);
        assertEquals(0, version(elsewhere));
        assertEquals(0, version(nowhere));
        assertEquals(List.of("issue.opened"), EventStream.types(stream.during(elsewhere, Duration.ofMillis(200))));
    }

    @Test
    void aPartnerWithoutALocationIs403() {
        String id = ownedIssue();
        assertProblem(as(PARTNER_WITHOUT_LOCATION).body(Map.of("kind", "repair_done")).post("/issues/{id}/actions", id)
                .then(), 403).body("detail", org.hamcrest.Matchers.containsString("location"));
        assertNothingChanged(id);
    }

    @Test
    void badInputFromAPartnerIsAProblemAndChangesNothing() {
        String id = ownedIssue();
        assertProblem(as(PARTNER).body(Map.of("kind", "teleport")).post("/issues/{id}/actions", id).then(), 400)
                .body("errors[0].field", equalTo("kind"));
        assertProblem(as(PARTNER).body(Map.of("note", "done")).post("/issues/{id}/actions", id).then(), 400)
                .body("errors.field", hasItem("kind"));
        assertProblem(as(PARTNER).post("/issues/{id}/actions", id).then(), 400);
        assertProblem(as(PARTNER).body("{not json").post("/issues/{id}/actions", id).then(), 400);
        assertProblem(as(PARTNER).body(Map.of("kind", "repair_done", "surprise", 1)).post("/issues/{id}/actions", id).then(), 400);
        assertProblem(as(PARTNER).body(Map.of("kind", "repair_done", "note", "x".repeat(2001)))
                .post("/issues/{id}/actions", id).then(), 400).body("errors[0].field", equalTo("note"));
        assertProblem(as(PARTNER).body(Map.of("kind", "repair_done", "note", "x".repeat(70_000)))
                .post("/issues/{id}/actions", id).then(), 413);
        assertProblem(as(PARTNER).body(Map.of("kind", "repair")).post("/issues/{id}/actions", id).then(), 400)
                .body("errors.field", hasItem("place"));
        assertProblem(as(PARTNER).body(Map.of("kind", "repair_done", "amount", new java.math.BigDecimal("5.00"))).post("/issues/{id}/actions", id)
                .then(), 400).body("errors.field", hasItem("amount"));
        assertProblem(as(PARTNER).header("If-Match", "\"0\"").body(Map.of("kind", "repair_done"))
                .post("/issues/{id}/actions", id).then(), 412);
        assertNothingChanged(id);
    }

    @Test
    void theOwnerAndSupervisorRulesStayForEveryKind() {
        String id = ownedIssue();
        assertProblem(as(BOB).body(Map.of("kind", "repair_done")).post("/issues/{id}/actions", id).then(), 403);
        as(AGENT).body(Map.of("kind", "repair_done", "note", "Fixed on the phone")).post("/issues/{id}/actions", id)
                .then().statusCode(201).body("actor.role", equalTo("agent"));
        as(SUPERVISOR).body(Map.of("kind", "repair_done")).post("/issues/{id}/actions", id).then().statusCode(201)
                .body("actor.role", equalTo("supervisor"));
        IssueFixtures.moveTo(AGENT, id, "resolved").then().statusCode(200);
        as(AGENT).post("/issues/{id}/close", id).then().statusCode(200);
        assertProblem(as(PARTNER).body(Map.of("kind", "repair_done")).post("/issues/{id}/actions", id).then(), 409);
    }

    /** An owned issue as {@link IssueFixtures#ownedIssue()} left it: version 1, two entries, two events. */
    private void assertNothingChanged(String id) {
        assertEquals(1, version(id));
        as(SUPERVISOR).get("/issues/{id}/timeline", id).then()
                .body("items.findAll { it.kind.startsWith('issue.') }.size()", equalTo(2));
        assertEquals(List.of("issue.opened", "issue.assigned"), EventStream.types(stream.during(id, Duration.ofSeconds(2))));
    }
}
