package dev.anchor.issue;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.issueJson;
import static dev.anchor.issue.IssueFixtures.ownedIssue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Missing, malformed, unknown, oversized and invalid input: a 4xx problem and nothing changed, on every endpoint. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class IssueInputTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST, /issues/{id}/handoffs", "PUT, /issues/{id}/next-action", "POST, /issues/{id}/comments",
            "POST, /issues/{id}/actions", "POST, /issues/{id}/status", "POST, /issues/{id}/reopen", "POST, /issues"})
    void badBodiesAreProblemsAndChangeNothing(String method, String path) {
        String id = ownedIssue();
        long total = issueCount();
        assertProblem(send(as(AGENT), method, path, id), 400);
        assertProblem(send(as(AGENT).body("{not json"), method, path, id), 400);
        assertProblem(send(as(AGENT).body("{\"surprise\": 1}"), method, path, id), 400);
        assertProblem(send(as(AGENT).body("[1, 2]"), method, path, id), 400);
        assertProblem(send(as(AGENT).body("{\"text\": \"" + "x".repeat(70_000) + "\"}"), method, path, id), 413);
        as(AGENT).get("/issues/{id}", id).then().statusCode(200).body("version", equalTo(1));
        as(AGENT).get("/issues/{id}/timeline", id).then()
                .body("items.findAll { it.kind.startsWith('issue.') }.size()", equalTo(2));
        org.junit.jupiter.api.Assertions.assertEquals(total, issueCount());
    }

    @Test
    void invalidIssuesNameTheirFields() {
        UUID customerId = customer();
        assertProblem(as(AGENT).body("{\"title\": \" \", \"channel\": \"pigeon\"}").post("/issues").then(), 400)
                .body("errors[0].field", equalTo("channel"));
        assertProblem(as(AGENT).body(issueJson(customerId).replace("Washing machine leaks", "")).post("/issues").then(), 400)
                .body("errors.field", hasItem("title"));
        assertProblem(as(AGENT).body(issueJson(customerId).replace("Washing machine leaks", "x".repeat(201))).post("/issues").then(), 400)
                .body("errors.field", hasItem("title"));
        assertProblem(as(AGENT).body(issueJson(customerId).replace("\"phone\"", "null")).post("/issues").then(), 400)
                .body("errors.field", hasItem("channel"));
        assertProblem(as(AGENT).body(issueJson(customerId).replace("\"high\"", "\"whenever\"")).post("/issues").then(), 400)
                .body("errors[0].field", equalTo("priority"));
        assertProblem(as(AGENT).body(issueJson(customerId).replace(customerId.toString(), "not-a-uuid")).post("/issues").then(), 400)
                .body("errors[0].field", equalTo("customerId"));
        assertProblem(as(AGENT).body(issueJson(customerId).replace("store-12", "store 12!")).post("/issues").then(), 400)
                .body("errors[0].field", equalTo("locationId"));
        assertProblem(as(AGENT).header("Idempotency-Key", "has spaces in it").body(issueJson(customerId)).post("/issues").then(), 400);
        assertProblem(as(AGENT).header("Anchor-Channel", "pigeon").body(issueJson(customerId)).post("/issues").then(), 400);
        as(AGENT).queryParam("customerId", customerId.toString()).get("/issues").then().body("total", equalTo(0));
    }

    @Test
    void unknownIssuesAre404OnEveryOperation() {
        String unknown = UUID.randomUUID().toString();
        assertProblem(as(AGENT).post("/issues/{id}/assignment", unknown).then(), 404);
        assertProblem(as(AGENT).get("/issues/{id}/timeline", unknown).then(), 404);
        assertProblem(as(AGENT).post("/issues/{id}/close", "XX-0000").then(), 404);
        assertProblem(as(AGENT).body("{\"status\": \"in_progress\"}").post("/issues/{id}/status", "12345").then(), 404);
    }

    private static io.restassured.response.ValidatableResponse send(RequestSpecification request, String method, String path,
                                                                     String id) {
        Object[] params = path.contains("{id}") ? new Object[]{id} : new Object[0];
        Response response = "PUT".equals(method) ? request.put(path, params) : request.post(path, params);
        return response.then();
    }

    private static long issueCount() {
        try {
            return Long.parseLong(IssueFixtures.sql("select count(*) from issue"));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
