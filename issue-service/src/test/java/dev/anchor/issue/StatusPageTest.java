package dev.anchor.issue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.issue.api.statuspage.TokenGuessThrottle;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.open;
import static dev.anchor.issue.IssueFixtures.sql;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The customer's status page over HTTP: what it shows, what it hides, its forms, and its tokens. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class StatusPageTest {

    @Inject
    TokenGuessThrottle throttle;

    @BeforeEach
    void cleanSlate() {
        throttle.reset();
        RestAssured.config = RestAssured.config().redirect(RestAssured.config().getRedirectConfig().followRedirects(false));
    }

    @Test
    void showsStatusOwnerNextActionAndPublicHistoryInTheCustomersLanguageAndTimeZone() {
        Journey journey = Journey.start(customer("Lena Schmidt", "de", "Europe/Berlin"));
        String html = given().accept("text/html").get(journey.path()).then().statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store")
                .extract().asString();
        assertTrue(html.contains("<html lang=\"de\">"));
        assertTrue(html.contains(journey.number));
        assertTrue(html.contains("Wir arbeiten daran"), "customer label in German");
        assertTrue(html.contains("Bob Baker"), "the owner's name after the handoff");
        assertTrue(html.contains("Fotos schicken"), "the next action");
        assertTrue(html.contains("datetime=\"2031-03-01T09:00Z\"") || html.contains("2031-03-01T09:00Z"), html);
        assertTrue(html.contains("10:00"), "the due time in Berlin (UTC+1 in March)");
        assertTrue(html.contains("Bob übernimmt"), "the handoff's introduction");
        assertTrue(html.contains("Bitte schicken Sie Fotos"), "a public comment");
        assertTrue(html.contains("Bob Baker betreut Ihr Anliegen jetzt"), "the handoff names the new owner: " + html);
        assertTrue(html.contains("Alice Archer ist wieder da am <time datetime=\"2031-02-27T08:00Z\">"),
                "and when the previous owner is back: " + html);
        assertTrue(!html.contains("Kunde klang verärgert"), "never an internal comment");
        assertTrue(html.contains("<form method=\"post\" action=\"/status/" + journey.token + "/comments\""));
        assertTrue(html.contains("action=\"/status/" + journey.token + "/close\""));
        assertTrue(!html.contains("<script"), "no JavaScript");
        assertTrue(!html.contains("<style") && !html.contains("style=\""), "no inline style (the CSP forbids it)");
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/status-page/page.css\">"), html);
        given().get("/status-page/page.css").then().statusCode(200).contentType(startsWith("text/css"))
                .body(containsString("max-width:40rem"));
        assertTrue(html.length() < 20_000, "small: " + html.length());
    }

    @Test
    void theSameUrlAnswersJsonWhenAsked() {
        Journey journey = Journey.start(customer("Ann Example", "en", "Europe/London"));
        given().accept("application/json").get(journey.path()).then().statusCode(200)
                .body("number", equalTo(journey.number))
                .body("status", equalTo("in_progress"))
                .body("statusLabel", equalTo("We are working on it"))
                .body("ownerName", equalTo("Bob Baker"))
                .body("nextAction.who", equalTo("customer"))
                .body("nextAction.dueText", containsString("9:00"))
                .body("timeZone", equalTo("Europe/London"))
                .body("history.text", hasItem("Please send photos"))
                .body("history.text", not(hasItem("Internal note")))
                .body("history.find { it.kind == 'issue.assigned' && it.back }.by", equalTo("Bob Baker"))
                .body("history.find { it.kind == 'issue.assigned' && it.back }.text", equalTo("Bob takes over tonight"))
                .body("history.find { it.kind == 'issue.assigned' && it.back }.back.name", equalTo("Alice Archer"))
                .body("history.find { it.kind == 'issue.assigned' && it.back }.back.isoAt", equalTo("2031-02-27T08:00Z"))
                .body("history.find { it.kind == 'issue.assigned' && it.back }.back.atText", containsString("27 Feb 2031"))
                .body("history.find { it.kind == 'issue.assigned' && !it.back }.by", equalTo("Alice Archer"))
                .body("history.kind", not(hasItem("status-link.issued")));
    }

    @Test
    void theCustomerCommentsAndClosesThroughTheForms() {
        Journey journey = Journey.start(customer("Ann Example", "en", "UTC"));
        try (EventStream stream = EventStream.of("issue.events")) {
            given().formParam("text", "Photos are on their way").formParam("formToken", formToken(journey.path()))
                    .post(journey.path() + "/comments").then()
                    .statusCode(303).header("Location", endsWithPath(journey.path() + "?notice=commented"));
            given().formParam("formToken", formToken(journey.path())).post(journey.path() + "/close").then().statusCode(303)
                    .header("Location", endsWithPath(journey.path() + "?notice=closed"));
            given().accept("text/html").get(journey.path() + "?notice=closed").then().statusCode(200)
                    .body(containsString("Your issue is closed.")).body(not(containsString("id=\"close\"")));
            given().formParam("formToken", formToken(journey.path())).post(journey.path() + "/close").then().statusCode(303)
                    .header("Location", endsWithPath(journey.path() + "?notice=already-closed"));

            // The comment answers the next step, which was the customer's.
            List<JsonNode> events = stream.await(journey.id, 3, Duration.ofSeconds(15));
            assertEquals(List.of("issue.commented", "issue.next-action-completed", "issue.closed"), EventStream.types(events));
            events.forEach(EventSchemas::assertValid);
            assertEquals("customer", events.get(0).at("/data/actor/role").asText());
            assertEquals("public", events.get(0).at("/data/change/visibility").asText());
            assertEquals("customer", events.get(2).at("/data/change/by").asText());
        }
        as(AGENT).get("/issues/{id}", journey.id).then().body("status", equalTo("closed"));
    }

    @Test
    void aCustomerReplyResumesAnIssueWaitingOnThemButNeverReopensAClosedOne() {
        Journey journey = Journey.start(customer("Ann Example", "en", "UTC"));
        IssueFixtures.moveTo(IssueFixtures.BOB, journey.id, "waiting_on_customer").then().statusCode(200);
        given().formParam("text", "Here you are").formParam("formToken", formToken(journey.path()))
                .post(journey.path() + "/comments").then().statusCode(303);
        as(AGENT).get("/issues/{id}", journey.id).then().body("status", equalTo("in_progress"));
        given().formParam("formToken", formToken(journey.path())).post(journey.path() + "/close").then().statusCode(303);
        given().formParam("text", "Thanks, all good").formParam("formToken", formToken(journey.path()))
                .post(journey.path() + "/comments").then().statusCode(303)
                .header("Location", endsWithPath(journey.path() + "?notice=commented"));
        as(AGENT).get("/issues/{id}", journey.id).then().body("status", equalTo("closed"));
        given().accept("application/json").get(journey.path()).then().body("history.text", hasItem("Thanks, all good"));
    }

    @Test
    void anEmptyOrOverlongCommentChangesNothing() {
        Journey journey = Journey.start(customer("Ann Example", "en", "UTC"));
        long before = IssueFixtures.version(journey.id);
        given().formParam("text", "   ").formParam("formToken", formToken(journey.path())).post(journey.path() + "/comments").then().statusCode(303)
                .header("Location", endsWithPath(journey.path() + "?notice=empty"));
        given().formParam("text", "x".repeat(5001)).formParam("formToken", formToken(journey.path()))
                .post(journey.path() + "/comments").then().statusCode(303)
                .header("Location", endsWithPath(journey.path() + "?notice=too-long"));
        assertEquals(before, IssueFixtures.version(journey.id));
    }

    @Test
    void unknownAndRevokedTokensGetA404Page() {
        Journey journey = Journey.start(customer("Ann Example", "en", "UTC"));
        String form = formToken(journey.path());
        for (String path : List.of("/status/" + "A".repeat(43), "/status/x", "/status/" + "z".repeat(300))) {
            given().accept("text/html").get(path).then().statusCode(404).header("Content-Type", HTML)
                    .body(containsString("<h1>This link no longer works</h1>")).body(containsString("Send me a new link"));
        }
        given().accept("application/json").get("/status/nope").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("status", equalTo(404));
        given().formParam("text", "hi").formParam("formToken", form).post("/status/nope/comments").then().statusCode(404);
        given().formParam("formToken", form).post("/status/nope/close").then().statusCode(404);
        as(AGENT).delete("/issues/{id}/status-link", journey.id).then().statusCode(204);
        given().accept("text/html").get(journey.path()).then().statusCode(404)
                .body(containsString("<h1>This link no longer works</h1>")).body(not(containsString(journey.number)));
        given().formParam("formToken", form).post(journey.path() + "/close").then().statusCode(404);
        as(AGENT).get("/issues/{id}", journey.id).then().body("status", equalTo("in_progress"));
    }

    @Test
    void repeatedMissesFromOneClientAreThrottled() {
        Journey journey = Journey.start(customer("Ann Example", "en", "UTC"));
        for (int i = 0; i < 10; i++) {
            given().get("/status/guess-" + i).then().statusCode(404);
        }
        given().accept("text/html").get("/status/guess-11").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .header("Content-Type", HTML).body(containsString("Too many requests"));
        // The throttle is for guesses only: the valid link still works, for reading and for its forms.
        given().accept("text/html").get(journey.path()).then().statusCode(200).body(containsString(journey.number));
        given().accept("application/json").get(journey.path()).then().statusCode(200);
        given().formParam("text", "Still here").formParam("formToken", formToken(journey.path()))
                .post(journey.path() + "/comments").then().statusCode(303)
                .header("Location", endsWithPath(journey.path() + "?notice=commented"));
        given().get("/status/guess-12").then().statusCode(429);
    }

    @Test
    void tokensCarryAtLeast128RandomBitsAndAreStoredOnlyAsTheirHash() throws Exception {
        Journey journey = Journey.start(customer("Ann Example", "en", "UTC"));
        assertTrue(journey.token.matches("[A-Za-z0-9_-]{43}"), "256 bits in base64url: " + journey.token);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(journey.token.getBytes(StandardCharsets.UTF_8)));
        assertEquals("1", sql("select count(*) from status_token where token_hash = ?", hash));
        assertEquals("0", sql("select count(*) from status_token where token_hash = ?", journey.token));
        assertNotEquals(journey.token, Journey.start(customer()).token);
    }

    @Test
    void theLinkInIssueOpenedOpensThePage() {
        try (EventStream stream = EventStream.of("issue.events")) {
            String id = open(customer()).then().statusCode(201).extract().path("id");
            String url = stream.await(id, 1, Duration.ofSeconds(15)).get(0).at("/data/change/statusUrl").asText();
            String path = url.substring(url.indexOf("/status/"));
            given().accept("application/json").get(path).then().statusCode(200).body("status", equalTo("open"));
        }
    }

    static final String HTML = "text/html; charset=UTF-8";
    private static final java.util.regex.Pattern FORM_TOKEN =
            java.util.regex.Pattern.compile("name=\"formToken\" value=\"([A-Za-z0-9_-]+)\"");

    /** The one-time form token of a freshly rendered page at {@code path}. */
    static String formToken(String path) {
        String html = given().accept("text/html").get(path).then().statusCode(200).extract().asString();
        java.util.regex.Matcher matcher = FORM_TOKEN.matcher(html);
        assertTrue(matcher.find(), "a form token in " + html);
        return matcher.group(1);
    }

    private static org.hamcrest.Matcher<String> endsWithPath(String path) {
        return org.hamcrest.Matchers.endsWith(path);
    }

    /** An issue taken by Alice, with a next action, comments and a handoff to Bob; and its status link. */
    record Journey(String id, String number, String token) {

        String path() {
            return "/status/" + token;
        }

        static Journey start(UUID customerId) {
            boolean german = "de".equals(sqlQuiet(customerId));
            Response opened = open(customerId);
            String id = opened.path("id");
            as(AGENT).post("/issues/{id}/assignment", id).then().statusCode(200);
            as(AGENT).body(Map.of("what", german ? "Fotos schicken" : "Send photos", "who", "customer",
                    "dueAt", "2031-03-01T09:00:00Z")).put("/issues/{id}/next-action", id).then().statusCode(200);
            as(AGENT).body(Map.of("text", german ? "Bitte schicken Sie Fotos" : "Please send photos", "visibility", "public"))
                    .post("/issues/{id}/comments", id).then().statusCode(201);
            as(AGENT).body(Map.of("text", german ? "Kunde klang verärgert" : "Internal note", "visibility", "internal"))
                    .post("/issues/{id}/comments", id).then().statusCode(201);
            IssueFixtures.moveTo(AGENT, id, "in_progress").then().statusCode(200);
            as(AGENT).body(Map.of("toAgentId", "agent.bob", "toAgentName", "Bob Baker",
                            "introduction", german ? "Bob übernimmt heute Abend" : "Bob takes over tonight",
                            "previousOwnerBackAt", "2031-02-27T08:00:00Z"))
                    .post("/issues/{id}/handoffs", id).then().statusCode(200);
            String url = as(AGENT).post("/issues/{id}/status-link", id).then().statusCode(201).extract().path("statusUrl");
            return new Journey(id, opened.path("number"), url.substring(url.lastIndexOf('/') + 1));
        }

        private static String sqlQuiet(UUID customerId) {
            try {
                return sql("select language from customer_replica where id = ?", customerId);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
