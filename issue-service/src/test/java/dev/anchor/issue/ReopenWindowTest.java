package dev.anchor.issue;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** With a two-second reopen window: a closed issue cannot be reopened after it, and a customer reply opens a new, linked issue. */
@QuarkusTest
@TestProfile(ReopenWindowTest.ShortWindow.class)
@QuarkusTestResource(TestJwt.class)
class ReopenWindowTest {

    public static class ShortWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("anchor.issues.reopen-window", "PT2S");
        }
    }

    @Test
    void afterTheWindowAReplyOpensANewLinkedIssue() {
        RestAssured.config = RestAssured.config().redirect(RestAssured.config().getRedirectConfig().followRedirects(false));
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        given().formParam("formToken", StatusPageTest.formToken(journey.path())).post(journey.path() + "/close").then()
                .statusCode(303);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                "t".equals(IssueFixtures.sql("select closed_at < now() - interval '2.5 seconds' from issue where id = ?",
                        java.util.UUID.fromString(journey.id()))));
        assertProblem(as(AGENT).body(Map.of("reason", "Too late")).post("/issues/{id}/reopen", journey.id()).then(), 409)
                .body("allowedTransitions", equalTo(List.of()));

        String location = given().formParam("text", "It is broken again")
                .formParam("formToken", StatusPageTest.formToken(journey.path())).post(journey.path() + "/comments").then()
                .statusCode(303).extract().header("Location");
        String newPath = location.substring(location.indexOf("/status/"), location.indexOf('?'));
        assertNotEquals(journey.path(), newPath);
        given().accept("application/json").get(newPath).then().statusCode(200)
                .body("status", equalTo("open"))
                .body("title", equalTo("Follow-up: Washing machine leaks"))
                .body("history.text", hasItem("It is broken again"));
        as(AGENT).get("/issues/{id}", journey.id()).then().body("status", equalTo("closed"));
        String number = given().accept("application/json").get(newPath).then().extract().path("number");
        as(AGENT).get("/issues/{n}", number).then().body("linkedIssueId", equalTo(journey.id()));
        assertEquals("closed", as(AGENT).get("/issues/{id}", journey.id()).then().extract().path("status"));
    }
}
