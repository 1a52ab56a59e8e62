package dev.anchor.issue;

import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.issue.api.statuspage.TokenGuessThrottle;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.StatusPageHardeningTest.customerComments;
import static dev.anchor.issue.StatusPageTest.HTML;
import static dev.anchor.issue.StatusPageTest.formToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The status page refuses what it cannot read as written — a form body with malformed percent-encoding, invalid UTF-8
 * or a NUL, a NUL in the notice — with 400 and stores nothing; and its refusals (404, 429, 400) are a page for a
 * browser and a problem for every other client.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class StatusPageBadInputTest {

    static final String FORM = "application/x-www-form-urlencoded";
    /** What Chromium sends with a navigation or a form post. */
    static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
            + "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";
    static final List<String> NOT_BROWSERS = List.of("application/json", "application/problem+json", "*/*");

    @Inject
    TokenGuessThrottle throttle;

    @BeforeEach
    void cleanSlate() {
        throttle.reset();
        RestAssured.config = RestAssured.config().redirect(RestAssured.config().getRedirectConfig().followRedirects(false));
    }

    @Test
    void aFormBodyThatIsNotWellFormedIsRefusedAndStoresNothing() throws Exception {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        String path = journey.path();
        long comments = customerComments(journey.id());
        long version = IssueFixtures.version(journey.id());
        for (String accept : List.of("application/json", BROWSER)) {
            String form = formToken(path); // a real one: were the body read leniently, the comment would be stored
            List<String> comments400 = List.of("text=%ZZ&formToken=" + form, "text=%&formToken=" + form,
                    "text=a%C0%AFb&formToken=" + form, "text=a%C3%28b&formToken=" + form, "text=a%00b&formToken=" + form,
                    "text=ok&formToken=%ZZ", "text=ok&formToken=%", "text=ok&formToken=" + form + "%00", "%%%",
                    "text=ok&formToken=" + form + "&%ZZ=x");
            for (String body : comments400) {
                refusedForm(post(accept, path + "/comments", body), accept, body);
            }
            for (String body : List.of("formToken=%ZZ", "formToken=%", "formToken=" + form + "%C3%28", "%%%")) {
                refusedForm(post(accept, path + "/close", body), accept, body);
            }
        }
        assertEquals(comments, customerComments(journey.id()), "nothing stored");
        assertEquals(version, IssueFixtures.version(journey.id()), "nothing changed");
        assertEquals("in_progress", IssueFixtures.as(IssueFixtures.SUPERVISOR).get("/issues/{id}", journey.id())
                .then().extract().path("status"));

        // what a browser sends is read as it meant it: + is a space, percent-escapes are UTF-8
        post(BROWSER, path + "/comments", "text=Caf%C3%A9+au+lait&formToken=" + formToken(path)).statusCode(303)
                .header("Location", endsWith("?notice=commented"));
        given().accept("application/json").get(path).then().statusCode(200)
                .body("history.text", hasItem("Café au lait"));
    }

    @Test
    void aNulInTheNoticeIsRefusedAndAnUnknownNoticeIgnored() {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        for (String accept : List.of("application/json", "text/html")) {
            problem(given().accept(accept).urlEncodingEnabled(false).get(journey.path() + "?notice=a%00b").then(), 400);
            given().accept(accept).get(journey.path() + "?notice=never-heard-of").then().statusCode(200);
        }
        given().accept("text/html").get(journey.path() + "?notice=never-heard-of").then()
                .body(not(containsString("never-heard-of")));
    }

    @Test
    void anUnknownLinkIsAPageForABrowserAndAProblemForAnyOtherClient() {
        String unknown = "/status/" + "U".repeat(43);
        given().accept(BROWSER).get(unknown).then().statusCode(404).header("Content-Type", HTML)
                .body(containsString("<h1>This link no longer works</h1>"));
        post(BROWSER, unknown + "/comments", "text=hi&formToken=x").statusCode(404).header("Content-Type", HTML);
        for (String accept : NOT_BROWSERS) {
            throttle.reset(); // four misses per client kind, well within the limit
            problem(given().accept(accept).get(unknown).then(), 404).body("detail", containsString("no longer valid"));
            problem(post(accept, unknown + "/comments", "text=hi&formToken=x"), 404);
            problem(post(accept, unknown + "/close", "formToken=x"), 404);
            problem(post(accept, unknown + "/close", ""), 404); // an unknown link stays 404 with a missing form token
        }
        problem(given().get(unknown).then(), 404); // no Accept of its own: RestAssured's */*
    }

    @Test
    void theThrottleIsAPageForABrowserAndAProblemForAnyOtherClientBothWithRetryAfter() {
        for (int i = 0; i < 10; i++) {
            given().accept("application/json").get("/status/guess-" + i).then().statusCode(404);
        }
        given().accept(BROWSER).get("/status/guess-x").then().statusCode(429).header("Content-Type", HTML)
                .header("Retry-After", notNullValue()).body(containsString("Too many requests"));
        for (String accept : NOT_BROWSERS) {
            problem(given().accept(accept).get("/status/guess-y").then(), 429).header("Retry-After", notNullValue())
                    .body("title", equalTo("Too many requests"));
        }
    }

    @Test
    void aFormWithoutTokenIsThePageAgainForABrowserAndAProblemForAnyOtherClient() {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        String path = journey.path();
        post(BROWSER, path + "/comments", "text=Hello").statusCode(400).header("Content-Type", HTML)
                .body(containsString("nothing was stored")).body(containsString("name=\"formToken\""));
        post(BROWSER, path + "/close", "").statusCode(400).header("Content-Type", HTML)
                .body(containsString("nothing was stored"));
        for (String accept : NOT_BROWSERS) {
            problem(post(accept, path + "/comments", "text=Hello"), 400).body("detail", containsString("nothing was stored"));
            problem(post(accept, path + "/comments", "text=Hello&formToken="), 400);
            problem(post(accept, path + "/close", ""), 400);
        }
    }

    private static ValidatableResponse post(String accept, String path, String body) {
        return given().accept(accept).contentType(FORM + "; charset=US-ASCII").body(body).post(path).then();
    }

    private static void refusedForm(ValidatableResponse answer, String accept, String body) {
        if (accept.equals(BROWSER)) {
            answer.statusCode(400).header("Content-Type", HTML).body(containsString("nothing was stored"));
        } else {
            problem(answer, 400).body("detail", not(containsString(body)));
        }
    }

    static ValidatableResponse problem(ValidatableResponse answer, int status) {
        return answer.statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status)).body("title", notNullValue()).body("detail", notNullValue())
                .header("Content-Security-Policy", notNullValue());
    }
}
