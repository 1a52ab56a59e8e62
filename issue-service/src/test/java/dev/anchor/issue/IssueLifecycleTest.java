package dev.anchor.issue;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.BOB;
import static dev.anchor.issue.IssueFixtures.SUPERVISOR;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.moveTo;
import static dev.anchor.issue.IssueFixtures.ownedIssue;
import static dev.anchor.issue.IssueFixtures.version;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every lifecycle transition, allowed or not, and what each status reads like to an agent and to the customer. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class IssueLifecycleTest {

    /** from, to, 200 or 409; and for 409 the transitions the problem must list. */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "open                | in_progress         | 200 |",
            "open                | waiting_on_customer | 200 |",
            "open                | waiting_on_partner  | 200 |",
            "open                | resolved            | 200 |",
            "open                | open                | 409 | in_progress waiting_on_customer waiting_on_partner resolved close",
            "open                | closed              | 409 | in_progress waiting_on_customer waiting_on_partner resolved close",
            "in_progress         | waiting_on_customer | 200 |",
            "in_progress         | waiting_on_partner  | 200 |",
            "in_progress         | resolved            | 200 |",
            "in_progress         | open                | 409 | waiting_on_customer waiting_on_partner resolved close",
            "in_progress         | in_progress         | 409 | waiting_on_customer waiting_on_partner resolved close",
            "waiting_on_customer | in_progress         | 200 |",
            "waiting_on_customer | waiting_on_partner  | 200 |",
            "waiting_on_customer | resolved            | 200 |",
            "waiting_on_customer | open                | 409 | in_progress waiting_on_partner resolved close",
            "waiting_on_partner  | in_progress         | 200 |",
            "waiting_on_partner  | waiting_on_customer | 200 |",
            "waiting_on_partner  | resolved            | 200 |",
            "waiting_on_partner  | closed              | 409 | in_progress waiting_on_customer resolved close",
            "resolved            | in_progress         | 409 | close reopen",
            "resolved            | open                | 409 | close reopen",
            "resolved            | resolved            | 409 | close reopen",
            "closed              | in_progress         | 409 | reopen",
            "closed              | resolved            | 409 | reopen",
            "closed              | open                | 409 | reopen"})
    void statusChanges(String from, String to, int status, String allowed) {
        String id = issueIn(from);
        var response = moveTo(AGENT, id, to).then();
        if (status == 200) {
            response.statusCode(200).body("status", equalTo(to));
        } else {
            assertProblem(response, 409)
                    .body("type", equalTo("urn:anchor:problem:transition-not-allowed"))
                    .body("currentStatus", equalTo(from))
                    .body("allowedTransitions", equalTo(Arrays.asList(allowed.trim().split("\\s+"))));
            as(AGENT).get("/issues/{id}", id).then().body("status", equalTo(from));
        }
    }

    @ParameterizedTest(name = "{0}: agent reads \"{1}\", customer reads \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "open                | Open                | We have your request",
            "in_progress         | In progress         | We are working on it",
            "waiting_on_customer | Waiting on customer | We need something from you",
            "waiting_on_partner  | Waiting on partner  | Waiting on our partner",
            "resolved            | Resolved            | Resolved",
            "closed              | Closed              | Closed"})
    void eachStatusHasAnAgentAndACustomerLabel(String status, String agentLabel, String customerLabel) {
        as(AGENT).get("/issues/{id}", issueIn(status)).then()
                .body("statusLabel", equalTo(agentLabel)).body("customerStatusLabel", equalTo(customerLabel));
    }

    @Test
    void onlyTheOwnerOrASupervisorMovesTheStatus() {
        String id = ownedIssue();
        assertProblem(moveTo(BOB, id, "in_progress").then(), 403);
        moveTo(SUPERVISOR, id, "in_progress").then().statusCode(200);
        assertEquals(2, version(id));
    }

    @Test
    void reopenBringsAResolvedOrClosedIssueBackInProgress() {
        String resolved = issueIn("resolved");
        as(BOB).body(Map.of("reason", "Still leaking")).post("/issues/{id}/reopen", resolved).then().statusCode(200)
                .body("status", equalTo("in_progress"));
        String closed = issueIn("closed");
        as(AGENT).body(Map.of("reason", "Customer called back")).post("/issues/{id}/reopen", closed).then().statusCode(200)
                .body("status", equalTo("in_progress"));
        assertProblem(as(AGENT).body(Map.of("reason", "Why")).post("/issues/{id}/reopen", ownedIssue()).then(), 409)
                .body("allowedTransitions", equalTo(List.of("in_progress", "waiting_on_customer", "waiting_on_partner",
                        "resolved", "close")));
        assertProblem(as(AGENT).body(Map.of()).post("/issues/{id}/reopen", closed).then(), 400);
    }

    /** An owned issue (Alice's) brought to {@code status} through the API. */
    static String issueIn(String status) {
        String id = ownedIssue();
        switch (status) {
            case "open" -> {
            }
            case "in_progress" -> moveTo(AGENT, id, "in_progress").then().statusCode(200);
            case "waiting_on_customer", "waiting_on_partner", "resolved" -> {
                moveTo(AGENT, id, "in_progress").then().statusCode(200);
                moveTo(AGENT, id, status).then().statusCode(200);
            }
            case "closed" -> as(AGENT).post("/issues/{id}/close", id).then().statusCode(200);
            default -> throw new IllegalArgumentException(status);
        }
        return id;
    }
}
