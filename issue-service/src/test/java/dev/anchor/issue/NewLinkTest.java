package dev.anchor.issue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.issue.api.statuspage.TokenGuessThrottle;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.SUPERVISOR;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Send me a new link" on the page of a link that no longer works: sent to the address on file, revealing nothing. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class NewLinkTest {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"formToken\" value=\"([A-Za-z0-9_-]+)\"");

    @Inject
    TokenGuessThrottle throttle;

    @BeforeEach
    void cleanSlate() {
        throttle.reset();
    }

    /** The dead-link page as a browser gets it, and the form token of its "Send me a new link". */
    static String deadLinkForm(String path, String language) {
        String page = given().accept("text/html").header("Accept-Language", language).get(path).then().statusCode(404)
                .extract().asString();
        assertTrue(page.contains("<form method=\"post\" action=\"" + path + "/new-link\" id=\"new-link-form\">"), page);
        Matcher token = FORM_TOKEN.matcher(page);
        assertTrue(token.find(), page);
        return token.group(1);
    }

    static String askForNewLink(String path, String formToken) {
        return askForNewLink(path, formToken, "en");
    }

    static String askForNewLink(String path, String formToken, String language) {
        return given().accept("text/html").header("Accept-Language", language).formParam("formToken", formToken).post(path + "/new-link").then()
                .statusCode(200).extract().asString();
    }

    /** The customer's requests for a new link on the issue's trail. */
    static long customerRequests(String id) {
        List<Map<String, Object>> items = as(SUPERVISOR).queryParam("size", 100).get("/issues/{id}/timeline", id)
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(i -> "issue.status-link-issued".equals(i.get("kind"))
                && "customer".equals(((Map<?, ?>) i.get("actor")).get("role"))).count();
    }

    @Test
    void aRevokedLinkOffersANewOneWhichIsPublishedOnceForTheAddressOnFile() throws Exception {
        String id = IssueFixtures.open(customer("Lena Schmidt", "de", "Europe/Berlin")).then().statusCode(201)
                .extract().path("id");
        String url = as(AGENT).post("/issues/{id}/status-link", id).then().statusCode(201).extract().path("statusUrl");
        String old = url.substring(url.indexOf("/status/"));
        as(SUPERVISOR).delete("/issues/{id}/status-link", id).then().statusCode(204);

        // the customer's language, whatever the browser says
        String form = deadLinkForm(old, "en");
        String fresh;
        try (EventStream stream = EventStream.of("issue.events")) {
            String sent = askForNewLink(old, form);
            assertTrue(sent.contains("<html lang=\"de\">") && sent.contains("Bitte sehen Sie in Ihren E-Mails oder SMS nach"),
                    sent);
            JsonNode event = stream.await(id, 1, Duration.ofSeconds(20)).stream()
                    .filter(e -> "issue.status-link-issued".equals(e.path("type").asText())).findFirst().orElseThrow();
            EventSchemas.assertValid(event);
            assertEquals("customer", event.at("/data/change/requestedBy").asText());
            assertEquals("customer", event.at("/data/actor/role").asText());
            fresh = event.at("/data/change/statusUrl").asText();
        }
        String freshPath = fresh.substring(fresh.indexOf("/status/"));
        given().accept("text/html").get(freshPath).then().statusCode(200);
        given().accept("text/html").get(old).then().statusCode(404);
        assertEquals(1, customerRequests(id));

        // the same form again, or a second request soon after: the same answer, nothing more sent
        assertTrue(askForNewLink(old, form).contains("Bitte sehen Sie in Ihren E-Mails oder SMS nach"));
        assertTrue(askForNewLink(old, deadLinkForm(old, "en")).contains("Bitte sehen Sie in Ihren E-Mails oder SMS nach"));
        assertEquals(1, customerRequests(id));
    }

    @Test
    void anUnknownLinkGetsTheSameAnswerAndCountsAsAGuess() {
        String unknown = "/status/" + "Q".repeat(43);
        String page = askForNewLink(unknown, deadLinkForm(unknown, "fr"), "fr");
        assertTrue(page.contains("<html lang=\"fr\">") && page.contains("<h1>Consultez vos e-mails ou vos SMS</h1>")
                && page.contains("Si ce lien venait de nous"), page);
        assertFalse(page.contains("new-link-form"), page);
        // the page and the request were two misses: eight more make ten, and the next request is refused
        for (int i = 0; i < 8; i++) {
            given().get("/status/guess-" + i).then().statusCode(404);
        }
        given().accept("text/html").formParam("formToken", "x").post(unknown + "/new-link").then().statusCode(429);
    }

    @Test
    void aRequestWithoutItsFormTokenSendsNothing() {
        String id = IssueFixtures.open(customer("Ann Example", "en", "UTC")).then().statusCode(201).extract().path("id");
        String url = as(AGENT).post("/issues/{id}/status-link", id).then().statusCode(201).extract().path("statusUrl");
        String path = url.substring(url.indexOf("/status/"));
        as(SUPERVISOR).delete("/issues/{id}/status-link", id).then().statusCode(204);
        assertProblem(given().accept("application/json").contentType("application/x-www-form-urlencoded").body("")
                .post(path + "/new-link").then(), 400);
        String page = given().accept("text/html").contentType("application/x-www-form-urlencoded").body("formToken=%zz")
                .post(path + "/new-link").then().statusCode(400).extract().asString();
        assertTrue(page.contains("<h1>This link no longer works</h1>"), page);
        // a made-up form token: the same answer as ever, nothing sent
        assertTrue(askForNewLink(path, UUID.randomUUID().toString()).contains("Check your email or phone"));
        assertEquals(0, customerRequests(id));
    }
}
