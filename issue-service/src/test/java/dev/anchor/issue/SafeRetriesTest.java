package dev.anchor.issue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.BOB;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.ownedIssue;
import static dev.anchor.issue.IssueFixtures.sql;
import static dev.anchor.issue.IssueFixtures.version;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retries are safe: the creating POSTs on an issue (actions, comments, handoffs) honour Idempotency-Key like
 * POST /issues, and setting the same next action again changes nothing. Counted in versions, trail entries and the
 * events the service published.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class SafeRetriesTest {

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
    void anActionRetriedWithItsIdempotencyKeyIsRecordedOnce() throws Exception {
        String id = ownedIssue();
        String refund = "{\"kind\": \"refund\", \"amount\": 19.99, \"currency\": \"GBP\"}";
        String etag = "\"" + version(id) + "\"";
        ExtractableResponse<Response> first = as(AGENT).header("Idempotency-Key", "refund-1").header("If-Match", etag)
                .body(refund).post("/issues/{id}/actions", id).then().statusCode(201).extract();
        assertNull(first.header("Idempotent-Replayed"));
        long after = version(id);
        // the same request again, stale If-Match and all: the first answer, nothing more recorded
        ExtractableResponse<Response> again = as(AGENT).header("Idempotency-Key", "refund-1").header("If-Match", etag)
                .body(refund).post("/issues/{id}/actions", id).then().statusCode(201)
                .header("Idempotent-Replayed", "true").extract();
        assertEquals(first.jsonPath().getString("id"), again.jsonPath().getString("id"));
        assertEquals(first.header("ETag"), again.header("ETag"));
        assertEquals(first.header("Location"), again.header("Location"));
        // the same key with another body
        as(AGENT).header("Idempotency-Key", "refund-1")
                .body("{\"kind\": \"refund\", \"amount\": 29.99, \"currency\": \"GBP\"}").post("/issues/{id}/actions", id)
                .then().statusCode(422).contentType("application/problem+json");
        assertEquals(after, version(id));
        assertEquals(1, entries(id, "issue.action-taken"));

        // the same key on another issue is another request
        String other = ownedIssue();
        as(AGENT).header("Idempotency-Key", "refund-1").body(refund).post("/issues/{id}/actions", other).then()
                .statusCode(201).header("Idempotent-Replayed", (String) null);
        assertEquals(1, entries(other, "issue.action-taken"));

        assertEquals(1, count(eventsUpToMarker(id), "issue.action-taken"));
    }

    @Test
    void aCommentRetriedWithItsIdempotencyKeyIsRecordedOnce() throws Exception {
        String id = ownedIssue();
        Map<String, String> comment = Map.of("text", "We ordered the part", "visibility", "public");
        String first = as(AGENT).header("Idempotency-Key", "c-1").body(comment).post("/issues/{id}/comments", id)
                .then().statusCode(201).extract().path("id");
        long after = version(id);
        as(AGENT).header("Idempotency-Key", "c-1").body(comment).post("/issues/{id}/comments", id).then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(AGENT).header("Idempotency-Key", "c-1").body(Map.of("text", "Something else", "visibility", "public"))
                .post("/issues/{id}/comments", id).then().statusCode(422);
        // another caller's key is theirs
        as(BOB).header("Idempotency-Key", "c-1").body(Map.of("text", "Bob too", "visibility", "internal"))
                .post("/issues/{id}/comments", id).then().statusCode(201).header("Idempotent-Replayed", (String) null);
        assertEquals(after + 1, version(id));
        assertEquals(2, entries(id, "issue.commented"));
        assertEquals(2, count(eventsUpToMarker(id), "issue.commented") - 1);
    }

    @Test
    void aHandoffRetriedWithItsIdempotencyKeyHappensOnce() throws Exception {
        String id = ownedIssue();
        Map<String, String> handoff = Map.of("toAgentId", IssueFixtures.BOB_ID, "toAgentName", "Bob Baker",
                "introduction", "Bob takes over");
        String etag = as(AGENT).header("Idempotency-Key", "h-1").body(handoff).post("/issues/{id}/handoffs", id).then()
                .statusCode(200).body("owner.id", equalTo(IssueFixtures.BOB_ID)).extract().header("ETag");
        // Alice is no longer the owner: without the key the retry would be refused; with it, the first answer
        as(AGENT).header("Idempotency-Key", "h-1").body(handoff).post("/issues/{id}/handoffs", id).then()
                .statusCode(200).header("Idempotent-Replayed", "true").header("ETag", etag)
                .header("Location", (String) null).body("owner.id", equalTo(IssueFixtures.BOB_ID));
        assertEquals(Long.parseLong(etag.replace("\"", "")), version(id));
        assertEquals(1, entries(id, "issue.assigned") - 1, "the first assignment and the one handoff");
        assertEquals(2, count(eventsUpToMarker(id), "issue.assigned"));
    }

    @Test
    void theSameNextActionAgainChangesNothing() throws Exception {
        String id = ownedIssue();
        Map<String, String> next = Map.of("what", "Send photos", "who", "customer", "dueAt", "2031-03-01T09:00:00Z");
        String etag = as(AGENT).body(next).put("/issues/{id}/next-action", id).then().statusCode(200).extract().header("ETag");
        long entries = entries(id, "issue.next-action-set");
        // the same what, who and by-when, written differently (surrounding blanks, another offset)
        as(AGENT).body(Map.of("what", "  Send photos ", "who", "customer", "dueAt", "2031-03-01T10:00:00+01:00"))
                .header("If-Match", etag).put("/issues/{id}/next-action", id).then().statusCode(200)
                .header("ETag", etag).body("nextAction.what", equalTo("Send photos"));
        as(AGENT).body(next).put("/issues/{id}/next-action", id).then().statusCode(200).header("ETag", etag);
        assertEquals(etag, "\"" + version(id) + "\"");
        assertEquals(entries, entries(id, "issue.next-action-set"));
        // something that differs is a change
        as(AGENT).body(Map.of("what", "Send photos", "who", "customer", "dueAt", "2031-03-02T09:00:00Z"))
                .put("/issues/{id}/next-action", id).then().statusCode(200)
                .header("ETag", "\"" + (Long.parseLong(etag.replace("\"", "")) + 1) + "\"");
        assertEquals(entries + 1, entries(id, "issue.next-action-set"));
        assertEquals(2, count(eventsUpToMarker(id), "issue.next-action-set"));
    }

    @Test
    void theOpenApiDocumentShowsIdempotencyKeyOnEveryCreatingPost() {
        for (String path : List.of("/issues", "/issues/{idOrNumber}/actions", "/issues/{idOrNumber}/comments",
                "/issues/{idOrNumber}/handoffs")) {
            given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                    .body("paths.'" + path + "'.post.parameters.findAll { it.in == 'header' }.name",
                            hasItem("Idempotency-Key"));
        }
    }

    /** An internal comment as a marker, then every event about the issue up to it (events keep their order). */
    private List<JsonNode> eventsUpToMarker(String id) {
        String marker = "marker " + UUID.randomUUID();
        as(AGENT).body(Map.of("text", marker, "visibility", "internal")).post("/issues/{id}/comments", id).then()
                .statusCode(201);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<JsonNode> events = stream.await(id, 1, WAIT);
            if (events.stream().anyMatch(e -> marker.equals(e.at("/data/change/text").asText()))) {
                return events;
            }
            stream.during(id, Duration.ofMillis(200));
        }
        throw new AssertionError("the marker did not arrive: " + EventStream.types(stream.await(id, 1, WAIT)));
    }

    private static long count(List<JsonNode> events, String type) {
        return EventStream.types(events).stream().filter(type::equals).count();
    }

    private static long entries(String id, String kind) throws SQLException {
        return Long.parseLong(sql("select count(*) from issue_entry where issue_id = ? and kind = ?",
                UUID.fromString(id), kind));
    }
}
