package dev.anchor.issue;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.ALICE_ID;
import static dev.anchor.issue.IssueFixtures.BOB;
import static dev.anchor.issue.IssueFixtures.BOB_ID;
import static dev.anchor.issue.IssueFixtures.SUPERVISOR;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.openIssue;
import static dev.anchor.issue.IssueFixtures.ownedIssue;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** One owner at a time: take an unowned issue, hand off to a named agent, and who may close. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class IssueOwnershipTest {

    private static final String BACK = OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0).toString();

    @Test
    void anUnownedIssueIsTakenOnceAndThenOnlyHandedOff() {
        String id = openIssue();
        as(AGENT).get("/issues/{id}", id).then().body("owner", nullValue());
        as(AGENT).post("/issues/{id}/assignment", id).then().statusCode(200)
                .body("owner.id", equalTo(ALICE_ID)).body("owner.displayName", equalTo("Alice Archer"));
        assertProblem(as(BOB).post("/issues/{id}/assignment", id).then(), 409);
        assertProblem(as(AGENT).post("/issues/{id}/assignment", id).then(), 409);
        as(AGENT).get("/issues/{id}", id).then().body("owner.id", equalTo(ALICE_ID));
    }

    @Test
    void aHandoffNamesTheNewOwnerIntroducesThemAndSaysWhenThePreviousOwnerIsBack() {
        String id = ownedIssue();
        as(AGENT).body(Map.of("toAgentId", BOB_ID, "toAgentName", "Bob Baker",
                        "introduction", "Bob takes over tonight and will call you tomorrow", "previousOwnerBackAt", BACK))
                .post("/issues/{id}/handoffs", id).then().statusCode(200)
                .body("owner.id", equalTo(BOB_ID)).body("owner.displayName", equalTo("Bob Baker"));
        as(SUPERVISOR).get("/issues/{id}/timeline", id).then()
                .body("items.findAll { it.kind == 'issue.assigned' }[1].detail",
                        equalTo("Bob takes over tonight and will call you tomorrow"))
                .body("items.findAll { it.kind == 'issue.assigned' }[1].visibility", equalTo("public"));
        // Now Bob owns it: Alice is no longer the one who hands it on.
        assertProblem(as(AGENT).body(Map.of("toAgentId", ALICE_ID, "introduction", "Back to me"))
                .post("/issues/{id}/handoffs", id).then(), 403);
        as(BOB).body(Map.of("toAgentId", ALICE_ID, "introduction", "Alice is back")).post("/issues/{id}/handoffs", id)
                .then().statusCode(200).body("owner.id", equalTo(ALICE_ID)).body("owner.displayName", equalTo(ALICE_ID));
    }

    /** who hands off, to whom, expected status. */
    @ParameterizedTest(name = "{0} hands Alice's issue to {1}: {2}")
    @CsvSource({
            "alice,      agent.bob,   200",
            "supervisor, agent.bob,   200",
            "bob,        agent.carol, 403",
            "alice,      agent.alice, 422"})
    void handoffRules(String who, String to, int status) {
        String id = ownedIssue();
        String token = switch (who) {
            case "alice" -> AGENT;
            case "bob" -> BOB;
            default -> SUPERVISOR;
        };
        var response = as(token).body(Map.of("toAgentId", to, "introduction", "Over to you")).post("/issues/{id}/handoffs", id).then();
        if (status == 200) {
            response.statusCode(200).body("owner.id", equalTo(to));
        } else {
            assertProblem(response, status);
            as(AGENT).get("/issues/{id}", id).then().body("owner.id", equalTo(ALICE_ID));
        }
    }

    @Test
    void aHandoffNeedsANamedAgentAnIntroductionAndAFutureBackAt() {
        String id = ownedIssue();
        assertProblem(as(AGENT).body(Map.of("introduction", "x")).post("/issues/{id}/handoffs", id).then(), 400)
                .body("errors[0].field", equalTo("toAgentId"));
        assertProblem(as(AGENT).body(Map.of("toAgentId", BOB_ID)).post("/issues/{id}/handoffs", id).then(), 400)
                .body("errors[0].field", equalTo("introduction"));
        assertProblem(as(AGENT).body(Map.of("toAgentId", BOB_ID, "introduction", "x", "previousOwnerBackAt", "2020-01-01T00:00:00Z"))
                .post("/issues/{id}/handoffs", id).then(), 400).body("errors[0].field", equalTo("previousOwnerBackAt"));
        as(AGENT).get("/issues/{id}", id).then().body("owner.id", equalTo(ALICE_ID));
    }

    /** who closes Alice's issue, expected status. */
    @ParameterizedTest(name = "{0} closes: {1}")
    @CsvSource({"alice, 200", "bob, 403", "supervisor, 403"})
    void onlyTheOwnerClosesOnTheStaffSide(String who, int status) {
        String id = ownedIssue();
        String token = switch (who) {
            case "alice" -> AGENT;
            case "bob" -> BOB;
            default -> SUPERVISOR;
        };
        var response = as(token).post("/issues/{id}/close", id).then();
        if (status == 200) {
            response.statusCode(200).body("status", equalTo("closed"));
            assertProblem(as(AGENT).post("/issues/{id}/close", id).then(), 409);
        } else {
            assertProblem(response, status);
            as(AGENT).get("/issues/{id}", id).then().body("status", equalTo("open"));
        }
    }

    @Test
    void anUnownedIssueCannotBeClosedByStaff() {
        assertProblem(as(AGENT).post("/issues/{id}/close", openIssue()).then(), 403);
    }

    @Test
    void aClosedIssueTakesNoOwnerNextActionOrAction() {
        String id = IssueLifecycleTest.issueIn("closed");
        assertProblem(as(AGENT).body(Map.of("toAgentId", BOB_ID, "introduction", "x")).post("/issues/{id}/handoffs", id).then(), 409);
        assertProblem(as(AGENT).body(Map.of("what", "x", "who", "agent", "dueAt", BACK)).put("/issues/{id}/next-action", id).then(), 409);
        assertProblem(as(AGENT).body(Map.of("kind", "replacement")).post("/issues/{id}/actions", id).then(), 409)
                .body("allowedTransitions", equalTo(java.util.List.of("reopen")));
    }
}
