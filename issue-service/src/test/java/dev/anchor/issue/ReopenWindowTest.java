package dev.anchor.issue;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a two-second reopen window and auto-close: a closed issue cannot be reopened after the window (a customer's
 * comment stays a comment), and a resolved issue closes itself.
 */
@QuarkusTest
@TestProfile(ReopenWindowTest.ShortWindow.class)
@QuarkusTestResource(TestJwt.class)
class ReopenWindowTest {

    public static class ShortWindow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("anchor.issues.reopen-window", "PT2S", "anchor.issues.auto-close-after", "PT2S");
        }
    }

    @Test
    void afterTheWindowACommentStaysACommentAndNothingReopens() {
        RestAssured.config = RestAssured.config().redirect(RestAssured.config().getRedirectConfig().followRedirects(false));
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        given().formParam("formToken", StatusPageTest.formToken(journey.path())).post(journey.path() + "/close").then()
                .statusCode(303);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(() ->
                "t".equals(IssueFixtures.sql("select closed_at < now() - interval '2.5 seconds' from issue where id = ?",
                        java.util.UUID.fromString(journey.id()))));
        assertProblem(as(AGENT).body(Map.of("reason", "Too late")).post("/issues/{id}/reopen", journey.id()).then(), 409)
                .body("allowedTransitions", equalTo(List.of()));

        // After the window a comment is still only a comment, and "It is not fixed" is no longer possible.
        given().formParam("text", "It is broken again").formParam("formToken", StatusPageTest.formToken(journey.path()))
                .post(journey.path() + "/comments").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith(journey.path() + "?notice=commented"));
        given().formParam("formToken", StatusPageTest.formToken(journey.path())).post(journey.path() + "/not-fixed").then()
                .statusCode(303).header("Location", org.hamcrest.Matchers.endsWith("?notice=not-reopenable"));
        given().accept("application/json").get(journey.path()).then().statusCode(200)
                .body("status", equalTo("closed")).body("history.text", hasItem("It is broken again"))
                .body("resolution", org.hamcrest.Matchers.nullValue());
        given().accept("text/html").get(journey.path()).then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("id=\"not-fixed\"")));
        assertEquals("closed", as(AGENT).get("/issues/{id}", journey.id()).then().extract().path("status"));
    }

    @Test
    void aResolvedIssueClosesItselfWhenNobodySaysItIsNotFixed() {
        String id = IssueFixtures.ownedIssue();
        try (EventStream stream = EventStream.of("issue.events")) {
            IssueFixtures.moveTo(AGENT, id, "resolved").then().statusCode(200).body("closesAt", org.hamcrest.Matchers.notNullValue());
            List<JsonNode> events = stream.await(id, 2, Duration.ofSeconds(20));
            events.forEach(EventSchemas::assertValid);
            assertEquals(List.of("issue.status-changed", "issue.closed"), EventStream.types(events).subList(0, 2));
            JsonNode closed = events.get(1);
            assertEquals("owner", closed.at("/data/change/by").asText());
            assertTrue(closed.at("/data/change/automatic").asBoolean());
            assertEquals("system", closed.at("/data/actor/role").asText());
            assertEquals("closed", closed.at("/data/issue/status").asText());
            assertTrue(closed.at("/data/issue/reopenableUntil").isTextual());
        }
        as(AGENT).get("/issues/{id}/timeline", id).then().body("items.summary", hasItem("Closed automatically"));
    }
}
