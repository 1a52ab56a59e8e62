package dev.anchor.issue;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.ALICE_ID;
import static dev.anchor.issue.IssueFixtures.BOB;
import static dev.anchor.issue.IssueFixtures.BOB_ID;
import static dev.anchor.issue.IssueFixtures.PARTNER;
import static dev.anchor.issue.IssueFixtures.SUPERVISOR;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.issueJson;
import static dev.anchor.issue.IssueFixtures.open;
import static dev.anchor.issue.IssueFixtures.openIssue;
import static dev.anchor.issue.IssueFixtures.ownedIssue;
import static dev.anchor.issue.IssueFixtures.sql;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The issue API as staff use it: open, read by id or number, find, work and follow an issue. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class IssueApiTest {

    private static final String NUMBER = "[23456789ABCDEFGHJKMNPQRSTVWXYZ]{2}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}";

    @Test
    void opensAnIssueWithAReadableNumberUnownedByDefault() {
        UUID customerId = customer();
        Response created = open(customerId);
        created.then().statusCode(201)
                .header("Location", containsString("/issues/"))
                .header("ETag", "\"0\"")
                .body("id", notNullValue())
                .body("number", matchesPattern(NUMBER))
                .body("customerId", equalTo(customerId.toString()))
                .body("status", equalTo("open"))
                .body("statusLabel", equalTo("Open"))
                .body("customerStatusLabel", equalTo("We have your request"))
                .body("priority", equalTo("high"))
                .body("channel", equalTo("phone"))
                .body("owner", nullValue());
        String id = created.path("id");
        created.then().header("Location", endsWith("/issues/" + id));
    }

    @Test
    void takeOwnershipOnOpeningMakesTheOpenerTheOwner() {
        String body = issueJson(customer()).replace("}", ", \"takeOwnership\": true}");
        as(AGENT).body(body).post("/issues").then().statusCode(201)
                .header("ETag", "\"1\"")
                .body("owner.id", equalTo(ALICE_ID))
                .body("owner.displayName", equalTo("Alice Archer"));
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyReturnsTheFirstIssue() {
        String body = issueJson(customer());
        String key = "open-" + UUID.randomUUID();
        String first = as(AGENT).header("Idempotency-Key", key).body(body).post("/issues").then().statusCode(201)
                .extract().path("id");
        as(AGENT).header("Idempotency-Key", key).body(body).post("/issues").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertProblem(as(AGENT).header("Idempotency-Key", key).body(body.replace("leaks", "squeaks")).post("/issues")
                .then(), 422);
    }

    @Test
    void readsAnIssueByIdOrByItsNumberTypedAnyWay() {
        Response created = open(customer());
        String id = created.path("id");
        String number = created.path("number");
        as(AGENT).get("/issues/{id}", id).then().statusCode(200).header("ETag", "\"0\"").body("number", equalTo(number));
        as(AGENT).get("/issues/{n}", number).then().statusCode(200).body("id", equalTo(id));
        as(AGENT).get("/issues/{n}", number.toLowerCase().replace("-", "")).then().statusCode(200).body("id", equalTo(id));
        assertProblem(as(AGENT).get("/issues/{id}", UUID.randomUUID()).then(), 404);
        assertProblem(as(AGENT).get("/issues/{n}", "ZZ-ZZZZ").then(), 404);
        assertProblem(as(AGENT).get("/issues/{n}", "not-a-number-at-all").then(), 404);
    }

    @Test
    void findsIssuesByCustomerOwnerStatusAndPages() {
        UUID customerId = customer();
        String first = open(customerId).path("id");
        String second = open(customerId).path("id");
        as(BOB).post("/issues/{id}/assignment", second).then().statusCode(200);

        as(AGENT).queryParam("customerId", customerId.toString()).get("/issues").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", equalTo(List.of(second, first)));
        as(AGENT).queryParam("customerId", customerId.toString()).queryParam("ownerId", BOB_ID).get("/issues").then()
                .body("total", equalTo(1)).body("items[0].id", equalTo(second));
        as(AGENT).queryParam("customerId", customerId.toString()).queryParam("status", "open").queryParam("size", 1)
                .queryParam("page", 1).get("/issues").then()
                .body("total", equalTo(2)).body("page", equalTo(1)).body("size", equalTo(1)).body("items.id", equalTo(List.of(first)));
        assertProblem(as(AGENT).queryParam("status", "sleeping").get("/issues").then(), 400).body("errors[0].field", equalTo("status"));
        assertProblem(as(AGENT).queryParam("customerId", "nope").get("/issues").then(), 400).body("errors[0].field", equalTo("customerId"));
        assertProblem(as(AGENT).queryParam("size", 101).get("/issues").then(), 400);
        assertProblem(as(AGENT).queryParam("page", -1).get("/issues").then(), 400);
    }

    @Test
    void theNextActionSaysWhatWhoAndWhen() {
        String id = ownedIssue();
        String before = as(AGENT).get("/issues/{id}", id).then().extract().path("updatedAt");
        String due = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0).toString();
        String after = as(AGENT).body(Map.of("what", "Engineer visit", "who", "partner", "dueAt", due))
                .put("/issues/{id}/next-action", id)
                .then().statusCode(200)
                .body("nextAction.what", equalTo("Engineer visit"))
                .body("nextAction.who", equalTo("partner"))
                .body("nextAction.dueAt", notNullValue())
                .extract().path("updatedAt");
        org.junit.jupiter.api.Assertions.assertTrue(OffsetDateTime.parse(after).isAfter(OffsetDateTime.parse(before)),
                "setting the next action moves updatedAt: " + before + " -> " + after);
        assertProblem(as(AGENT).body(Map.of("what", "Too late", "who", "agent", "dueAt", "2020-01-01T00:00:00Z"))
                .put("/issues/{id}/next-action", id).then(), 400).body("errors[0].field", equalTo("dueAt"));
        assertProblem(as(AGENT).body(Map.of("what", "Anyone", "who", "robot", "dueAt", due))
                .put("/issues/{id}/next-action", id).then(), 400).body("errors[0].field", equalTo("who"));
        assertProblem(as(BOB).body(Map.of("what", "Not mine", "who", "agent", "dueAt", due))
                .put("/issues/{id}/next-action", id).then(), 403);
    }

    @Test
    void commentsArePublicOrInternalAndTheTimelineHidesInternalOnesFromPartners() {
        String id = ownedIssue();
        as(BOB).body(Map.of("text", "Customer sounded upset", "visibility", "internal")).post("/issues/{id}/comments", id)
                .then().statusCode(201).body("visibility", equalTo("internal")).body("actor.id", equalTo(BOB_ID));
        as(AGENT).body(Map.of("text", "We have ordered the part", "visibility", "public")).post("/issues/{id}/comments", id)
                .then().statusCode(201).body("visibility", equalTo("public")).body("detail", equalTo("We have ordered the part"));
        as(PARTNER).body(Map.of("text", "Part arrived in store", "visibility", "public")).post("/issues/{id}/comments", id)
                .then().statusCode(201).body("actor.role", equalTo("partner"));

        as(SUPERVISOR).get("/issues/{id}/timeline", id).then().statusCode(200)
                .body("items.findAll { it.kind.startsWith('issue.') }.kind", equalTo(List.of("issue.opened", "issue.assigned", "issue.commented",
                        "issue.commented", "issue.commented")))
                .body("items.detail", hasItem("Customer sounded upset"));
        as(PARTNER).get("/issues/{id}/timeline", id).then().statusCode(200)
                .body("items.visibility", everyItem(equalTo("public")))
                .body("items.detail", not(hasItem("Customer sounded upset")))
                .body("items.detail", hasItem("Part arrived in store"));
    }

    @Test
    void partnersSeeOnlyIssuesSharedWithTheirLocation() {
        String shared = openIssue();
        String notShared = as(AGENT).body(issueJson(customer()).replace(", \"locationId\": \"store-12\"", ""))
                .post("/issues").then().statusCode(201).extract().path("id");
        as(PARTNER).get("/issues/{id}", shared).then().statusCode(200);
        assertProblem(as(PARTNER).get("/issues/{id}", notShared).then(), 404);
        assertProblem(as(IssueFixtures.OTHER_PARTNER).get("/issues/{id}", shared).then(), 404);
        assertProblem(as(IssueFixtures.OTHER_PARTNER).body(Map.of("text", "hi", "visibility", "public"))
                .post("/issues/{id}/comments", shared).then(), 404);
        as(PARTNER).get("/issues").then().statusCode(200).body("items.locationId", everyItem(equalTo("store-12")));
    }

    @Test
    void resolutionActionsAreOnTheRecordAndCompleteForTheirKind() {
        String id = ownedIssue();
        as(AGENT).body(Map.of("kind", "refund", "amount", new java.math.BigDecimal("25.50"), "currency", "EUR", "note", "Goodwill"))
                .post("/issues/{id}/actions", id).then().statusCode(201)
                .body("kind", equalTo("issue.action-taken")).body("summary", equalTo("Refund of 25.50 EUR"));
        as(AGENT).body(Map.of("kind", "repair", "place", "Store 12, High Street",
                        "scheduledAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).withNano(0).toString()))
                .post("/issues/{id}/actions", id).then().statusCode(201);
        as(AGENT).body(Map.of("kind", "replacement")).post("/issues/{id}/actions", id).then().statusCode(201);
        assertProblem(as(AGENT).body(Map.of("kind", "refund", "amount", new java.math.BigDecimal("10.00"))).post("/issues/{id}/actions", id).then(), 400)
                .body("errors.field", hasItem("currency"));
        assertProblem(as(AGENT).body(Map.of("kind", "repair")).post("/issues/{id}/actions", id).then(), 400)
                .body("errors.field", hasItem("place"));
        assertProblem(as(AGENT).body(Map.of("kind", "other")).post("/issues/{id}/actions", id).then(), 400)
                .body("errors.field", hasItem("note"));
        assertProblem(as(AGENT).body(Map.of("kind", "refund", "amount", new java.math.BigDecimal("-1"), "currency", "EUR")).post("/issues/{id}/actions", id)
                .then(), 400).body("errors.field", hasItem("amount"));
        assertProblem(as(BOB).body(Map.of("kind", "replacement")).post("/issues/{id}/actions", id).then(), 403);
        as(SUPERVISOR).get("/issues/{id}/timeline", id).then()
                .body("items.findAll { it.kind == 'issue.action-taken' }.size()", equalTo(3));
    }

    @Test
    void aStaleIfMatchChangesNothing() {
        String id = ownedIssue();
        assertProblem(as(AGENT).header("If-Match", "\"0\"").body(Map.of("status", "in_progress"))
                .post("/issues/{id}/status", id).then(), 412);
        as(AGENT).header("If-Match", "\"1\"").body(Map.of("status", "in_progress"))
                .post("/issues/{id}/status", id).then().statusCode(200).header("ETag", "\"2\"");
    }

    @Test
    void theTimelineIsAppendOnlyInTheDatabase() throws Exception {
        String id = openIssue();
        String entry = sql("select id from issue_entry where issue_id = ?", UUID.fromString(id));
        assertNotEquals(null, entry);
        Exception refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                () -> sql("update issue_entry set summary = 'rewritten' where issue_id = ? returning id", UUID.fromString(id)));
        assertEquals(true, refused.getMessage().contains("append-only"));
        org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                () -> sql("delete from issue_entry where issue_id = ? returning id", UUID.fromString(id)));
    }
}
