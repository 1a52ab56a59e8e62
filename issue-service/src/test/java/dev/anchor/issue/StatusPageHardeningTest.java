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

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.sql;
import static dev.anchor.issue.StatusPageTest.HTML;
import static dev.anchor.issue.StatusPageTest.formToken;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The status page's hardening: the security headers on every kind of answer, one-time form tokens (a repeated or
 * cross-site submission stores nothing), and a guess throttle that never refuses a valid link and believes
 * X-Forwarded-For only from a trusted proxy (none here; see {@link TrustedProxyThrottleTest}).
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class StatusPageHardeningTest {

    static final String CSP = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    @Inject
    TokenGuessThrottle throttle;

    @BeforeEach
    void cleanSlate() {
        throttle.reset();
        RestAssured.config = RestAssured.config().redirect(RestAssured.config().getRedirectConfig().followRedirects(false));
    }

    static ValidatableResponse hardened(ValidatableResponse response) {
        return response.header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store");
    }

    @Test
    void everyKindOfStatusPageAnswerCarriesTheSecurityHeaders() {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        String path = journey.path();
        // the page, and the page with a notice
        hardened(given().accept("text/html").get(path).then().statusCode(200)).header("Content-Type", HTML);
        hardened(given().accept("text/html").get(path + "?notice=commented").then().statusCode(200)).header("Content-Type", HTML);
        // its data
        hardened(given().accept("application/json").get(path).then().statusCode(200));
        // a form's answers: applied, replayed, and refused for want of a form token
        String form = formToken(path);
        hardened(given().formParam("text", "Hello").formParam("formToken", form).post(path + "/comments").then()
                .statusCode(303));
        hardened(given().formParam("text", "Hello").formParam("formToken", form).post(path + "/comments").then()
                .statusCode(303));
        hardened(given().accept("text/html").formParam("text", "Hello").post(path + "/comments").then().statusCode(400))
                .header("Content-Type", HTML).body(containsString("nothing was stored"));
        hardened(given().accept("application/json").formParam("text", "Hello").post(path + "/comments").then()
                .statusCode(400)).contentType(startsWith("application/problem+json"));
        hardened(given().formParam("text", " ").formParam("formToken", formToken(path)).post(path + "/comments")
                .then().statusCode(303));
        // errors from the shared filters: a NUL character, a body too large, a form that is not a form
        hardened(given().formParam("text", "a\u0000b").formParam("formToken", formToken(path)).post(path + "/comments")
                .then().statusCode(400));
        hardened(given().formParam("text", "x".repeat(70_000)).formParam("formToken", formToken(path))
                .post(path + "/comments").then().statusCode(413));
        hardened(given().contentType("application/json").body("{}").post(path + "/comments").then().statusCode(415));
        // the unknown link, the throttle, the style sheet
        hardened(given().accept("text/html").get("/status/" + "B".repeat(43)).then().statusCode(404))
                .header("Content-Type", HTML);
        throttle.reset();
        for (int i = 0; i < 10; i++) {
            given().get("/status/guess-" + i).then().statusCode(404);
        }
        hardened(given().accept("text/html").get("/status/guess-x").then().statusCode(429)).header("Content-Type", HTML);
        // the style sheet may be cached; the other headers it carries too
        given().get("/status-page/page.css").then().statusCode(200).header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer");
    }

    @Test
    void aRepeatedOrForeignSubmissionStoresNothing() throws Exception {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        StatusPageTest.Journey other = StatusPageTest.Journey.start(customer("Bea Other", "en", "UTC"));
        String path = journey.path();
        long comments = customerComments(journey.id());
        long version = IssueFixtures.version(journey.id());

        String form = formToken(path);
        given().formParam("text", "First time").formParam("formToken", form).post(path + "/comments").then()
                .statusCode(303).header("Location", endsWith("?notice=commented"));
        assertEquals(comments + 1, customerComments(journey.id()));
        long afterFirst = IssueFixtures.version(journey.id());

        // back and resubmit: the same form token again
        given().formParam("text", "First time").formParam("formToken", form).post(path + "/comments").then()
                .statusCode(303).header("Location", endsWith(path + "?notice=already-sent"));
        given().accept("text/html").get(path + "?notice=already-sent").then().statusCode(200)
                .body(containsString("already sent or is out of date"));
        // cross-site: no form token, a made-up one, one rendered for another issue's link
        given().accept("text/html").formParam("text", "Forged").post(path + "/comments").then().statusCode(400)
                .body(containsString("nothing was stored")).body(containsString("name=\"formToken\""));
        given().formParam("text", "Forged").formParam("formToken", "A".repeat(22)).post(path + "/comments").then()
                .statusCode(303).header("Location", endsWith("?notice=already-sent"));
        given().formParam("text", "Forged").formParam("formToken", formToken(other.path())).post(path + "/comments")
                .then().statusCode(303).header("Location", endsWith("?notice=already-sent"));
        given().post(path + "/close").then().statusCode(400);
        given().formParam("formToken", "forged").post(path + "/close").then().statusCode(303)
                .header("Location", endsWith("?notice=already-sent"));
        assertEquals(comments + 1, customerComments(journey.id()));
        assertEquals(afterFirst, IssueFixtures.version(journey.id()));
        assertEquals("in_progress", IssueFixtures.as(IssueFixtures.SUPERVISOR).get("/issues/{id}", journey.id())
                .then().extract().path("status"));
        assertEquals(true, afterFirst > version);

        // a double click: the same form sent twice at once is stored once
        String clicked = formToken(path);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> clicks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                clicks.add(() -> given().redirects().follow(false).formParam("text", "Clicked twice")
                        .formParam("formToken", clicked).post(path + "/comments").then().extract().statusCode());
            }
            for (Future<Integer> answer : pool.invokeAll(clicks)) {
                assertEquals(303, answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(comments + 2, customerComments(journey.id()));

        // a closing form used once closes; used again it changes nothing (no second trail entry)
        String closeForm = formToken(path);
        given().formParam("formToken", closeForm).post(path + "/close").then().statusCode(303)
                .header("Location", endsWith("?notice=closed"));
        long closedVersion = IssueFixtures.version(journey.id());
        given().formParam("formToken", closeForm).post(path + "/close").then().statusCode(303)
                .header("Location", endsWith("?notice=already-sent"));
        assertEquals(closedVersion, IssueFixtures.version(journey.id()));
        assertEquals("1", sql("select count(*) from issue_entry where issue_id = ? and kind = 'issue.closed'",
                UUID.fromString(journey.id())));
    }

    @Test
    void aValidLinkStillWorksAfterTenBadGuessesFromTheSameAddress() {
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer("Ann Example", "en", "UTC"));
        for (int i = 0; i < 10; i++) {
            given().get("/status/" + "G".repeat(42) + i).then().statusCode(404);
        }
        given().get("/status/" + "G".repeat(43)).then().statusCode(429);
        given().accept("text/html").get(journey.path()).then().statusCode(200).body(containsString(journey.number()));
        given().accept("application/json").get(journey.path()).then().statusCode(200);
        long comments = customerComments(journey.id());
        given().formParam("text", "Still works").formParam("formToken", formToken(journey.path()))
                .post(journey.path() + "/comments").then().statusCode(303).header("Location", endsWith("?notice=commented"));
        assertEquals(comments + 1, customerComments(journey.id()));
        given().get("/status/" + "H".repeat(43)).then().statusCode(429).body(not(containsString(journey.number())));
    }

    @Test
    void xForwardedForFromAnUntrustedPeerIsIgnored() {
        // Each guess claims another address; the direct peer (not a trusted proxy) is what counts.
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i).get("/status/guess-" + i).then().statusCode(404);
        }
        given().header("X-Forwarded-For", "198.51.100.77").get("/status/guess-next").then().statusCode(429);
        given().get("/status/guess-plain").then().statusCode(429);
    }

    static long customerComments(String issueId) {
        try {
            return Long.parseLong(sql("select count(*) from issue_entry where issue_id = ? and kind = 'issue.commented' "
                    + "and actor_role = 'customer'", UUID.fromString(issueId)));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
