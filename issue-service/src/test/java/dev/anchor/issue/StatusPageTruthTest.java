package dev.anchor.issue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.TestJwt;
import dev.anchor.issue.api.statuspage.TokenGuessThrottle;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.anchor.issue.IssueFixtures.AGENT;
import static dev.anchor.issue.IssueFixtures.MAPPER;
import static dev.anchor.issue.IssueFixtures.SUPERVISOR;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.moveTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 on the customer's page: every word in their language, amounts and times formatted for them, the appointment
 * card, what each action did, a next step that is never stale and honest when late, a history for people (latest
 * first, messages folded in, no login ids), and the GOV.UK patterns (banner, error summary, confirmation, dead link).
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class StatusPageTruthTest {

    private static final Pattern RAW_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    private static final String BOOKED_AT = "2031-12-10T14:30:00Z";

    @Inject
    TokenGuessThrottle throttle;

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void cleanSlate() {
        throttle.reset();
        RestAssured.config = RestAssured.config().redirect(RestAssured.config().getRedirectConfig().followRedirects(false));
    }

    /** An issue owned by Alice with a refund, a repair booked at a place of the directory, and its status link. */
    record Story(String id, String number, String path) {

        static Story of(UUID customerId) {
            String location = LocationDirectoryTest.addLocation();
            String id = IssueFixtures.open(customerId).then().statusCode(201).extract().path("id");
            String number = as(AGENT).get("/issues/{id}", id).then().extract().path("number");
            as(AGENT).post("/issues/{id}/assignment", id).then().statusCode(200);
            as(AGENT).body(Map.of("kind", "refund", "amount", 1249.50, "currency", "GBP", "note", "For the broken drum"))
                    .post("/issues/{id}/actions", id).then().statusCode(201);
            as(AGENT).body(Map.of("kind", "repair", "scheduledAt", BOOKED_AT, "locationId", location,
                    "note", "Your receipt and the power cable")).post("/issues/{id}/actions", id).then().statusCode(201);
            String url = as(AGENT).post("/issues/{id}/status-link", id).then().statusCode(201).extract().path("statusUrl");
            return new Story(id, number, url.substring(url.indexOf("/status/")));
        }
    }

    static String html(String path) {
        return given().accept("text/html").get(path).then().statusCode(200).extract().asString();
    }

    /** What a person reads: the page without its markup (attributes such as datetime are machine-readable only). */
    static String visible(String html) {
        return html.replaceAll("(?s)<head>.*?</head>", "").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    static void assertNoRawValues(String html) {
        String text = visible(html);
        assertFalse(RAW_TIME.matcher(text).find(), "no raw UTC time on the page: " + text);
        assertFalse(text.contains("1249.5"), "no raw amount on the page: " + text);
        assertFalse(text.contains(" GBP"), "no currency code on the page: " + text);
    }

    @Test
    void theAppointmentCardAndTheActionsInEnglishAndGerman() throws Exception {
        Story en = Story.of(customer("Ann Example", "en", "Europe/London"));
        String page = html(en.path());
        assertNoRawValues(page);
        assertTrue(page.contains("Refund of £1,249.50"), page);
        assertTrue(page.contains("<p>For the broken drum</p>"), "the note is added to the entry, it does not replace it");
        assertTrue(page.contains("id=\"appointment\""), page);
        String card = page.substring(page.indexOf("id=\"appointment\""), page.indexOf("id=\"history-heading\""));
        assertTrue(card.contains("Repair appointment"), card);
        assertTrue(card.contains("10 Dec 2031, 14:30"), "the time in London: " + card);
        assertTrue(card.contains("Anchor Repair Centre Holborn") && card.contains("12 High Holborn")
                && card.contains("London WC1V 6PX") && card.contains("United Kingdom"), card);
        assertTrue(card.contains("Monday, Tuesday, Wednesday, Thursday, Friday: 09:00–17:30"), card);
        assertTrue(card.contains("<a href=\"tel:+442079460123\">+44 20 7946 0123</a>"), card);
        assertTrue(card.contains("Your receipt and the power cable"), "what to bring: " + card);
        assertTrue(card.contains("Need to change it? Contact Anchor:") && card.contains("mailto:help@anchor.example")
                && card.contains("tel:+442079460000"), "how to change it: " + card);
        assertTrue(page.contains("Repair booked at Anchor Repair Centre Holborn for 10 Dec 2031, 14:30"), page);

        Story de = Story.of(customer("Lena Schmidt", "de", "Europe/Berlin"));
        String seite = html(de.path());
        assertNoRawValues(seite);
        assertTrue(seite.contains("<html lang=\"de\">"));
        assertTrue(seite.contains("Erstattung von 1.249,50\u00a0£"), seite);
        assertTrue(seite.contains("Reparaturtermin") && seite.contains("10.12.2031, 15:30"), "Berlin time: " + seite);
        assertTrue(seite.contains("Montag, Dienstag, Mittwoch, Donnerstag, Freitag: 09:00–17:30"), seite);
        assertTrue(seite.contains("Vereinigtes Königreich"), seite);
        assertTrue(seite.contains("Bitte mitbringen"), seite);
        screenshot(en.path(), "status-page-appointment-en.png");
        screenshot(de.path(), "status-page-appointment-de.png");

        // Resolved: the booking is over, the page says when the issue closes and offers "It is not fixed".
        for (Story story : List.of(en, de)) {
            moveTo(AGENT, story.id(), "resolved").then().statusCode(200);
        }
        page = html(en.path());
        assertNoRawValues(page);
        assertFalse(page.contains("id=\"appointment\""), "no stale appointment on a resolved issue");
        assertTrue(Pattern.compile("We will close this on \\d{1,2} \\w+ \\d{4} unless you tell us it is not fixed\\.")
                .matcher(page).find(), page);
        assertTrue(page.contains("action=\"" + en.path() + "/not-fixed\"") && page.contains("It is not fixed"), page);
        assertTrue(page.contains("Refund of £1,249.50"));
        seite = html(de.path());
        assertTrue(seite.contains("Wir schließen dieses Anliegen am ") && seite.contains("Es ist nicht behoben"), seite);
        assertNoRawValues(seite);
        screenshot(en.path(), "status-page-resolved-en.png");
        screenshot(de.path(), "status-page-resolved-de.png");
    }

    @Test
    void theHistoryIsForPeopleLatestFirstWithMessagesFoldedIn() {
        Story story = Story.of(customer("Ann Example", "en", "Europe/London"));
        moveTo(AGENT, story.id(), "in_progress").then().statusCode(200);
        as(AGENT).body(Map.of("toAgentId", "agent.bob", "toAgentName", "Bob Baker", "introduction", "Bob knows pumps"))
                .post("/issues/{id}/handoffs", story.id()).then().statusCode(200);
        UUID customer = UUID.fromString(as(AGENT).get("/issues/{id}", story.id()).then().extract().path("customerId"));
        ObjectNode sent = IssueFixtures.notificationEvent("notification.sent", story.id(), customer, "email",
                "Bob Baker looks after your issue now", null);
        ObjectNode contact = IssueFixtures.contactLogged(story.id(), customer, c -> c.put("direction", "outbound")
                .put("agentId", "agent.zed").put("summary", "Called about the delivery slot"));
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send("notification.events", sent);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                html(story.path()).contains("Bob Baker looks after your issue now"));
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send("contact.events", contact);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                html(story.path()).contains("Called about the delivery slot"));
        String page = html(story.path());
        assertNoRawValues(page);
        assertFalse(page.contains("agent.zed") || page.contains("agent.alice") || page.contains("agent.bob"),
                "display names, never login ids: " + page);
        List<String> lines = items(page);
        assertTrue(lines.getFirst().contains("We contacted you (phone)"), "latest first: " + lines.getFirst());
        assertTrue(lines.get(1).contains("Bob Baker is looking after your issue now")
                && lines.get(1).contains("We sent you a message (email): “Bob Baker looks after your issue now”"),
                "the message is folded into the handoff that caused it: " + lines.get(1));
        assertEquals(1, lines.stream().filter(line -> line.contains("We sent you a message")).count());
        assertTrue(lines.get(2).contains("Status: We have your request → We are working on it"), lines.get(2));
        assertTrue(lines.getLast().contains("Issue opened"), lines.getLast());
        assertTrue(page.contains("<strong>Latest update:</strong> We contacted you (phone)"), page);
    }

    @Test
    void theNextStepIsNeverStaleAndSaysSoWhenItIsLate() throws Exception {
        Story story = Story.of(customer("Ann Example", "en", "Europe/London"));
        String soon = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2).toString();
        as(AGENT).body(Map.of("what", "Order the spare part", "who", "agent", "dueAt", soon))
                .put("/issues/{id}/next-action", story.id()).then().statusCode(200);
        String page = html(story.path());
        assertTrue(page.contains("Order the spare part — us, by <time"), page);
        assertFalse(page.contains("This is late"), page);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> html(story.path()).contains("This is late: it was due "));
        assertNoRawValues(html(story.path()));

        Story de = Story.of(customer("Lena Schmidt", "de", "Europe/Berlin"));
        as(AGENT).body(Map.of("what", "Ersatzteil bestellen", "who", "agent", "dueAt", "2031-05-01T10:00:00Z"))
                .put("/issues/{id}/next-action", de.id()).then().statusCode(200);
        assertTrue(html(de.path()).contains("Ersatzteil bestellen — wir, bis <time datetime=\"2031-05-01T10:00Z\">01.05.2031, 12:00</time>"));
        moveTo(AGENT, de.id(), "resolved").then().statusCode(200);
        String resolved = html(de.path());
        assertFalse(resolved.contains("id=\"next-action\""), "a resolved issue has no next step: " + resolved);
        assertTrue(resolved.contains("Schritt nicht mehr nötig: Ihr Anliegen ist gelöst"), resolved);
    }

    @Test
    void aBannerAfterPostingAnErrorSummaryForAnEmptyCommentAndAConfirmationBeforeClosing() {
        Story story = Story.of(customer("Ann Example", "en", "Europe/London"));
        String path = story.path();
        given().formParam("text", "Thanks").formParam("formToken", StatusPageTest.formToken(path))
                .post(path + "/comments").then().statusCode(303).header("Location", endsWith("?notice=commented"));
        String page = html(path + "?notice=commented");
        assertTrue(page.contains("<title>Success: Your issue " + story.number() + "</title>"), page);
        assertTrue(page.contains("class=\"notification-banner notification-banner--success\" role=\"alert\" tabindex=\"-1\" autofocus"), page);
        assertTrue(page.contains("<h2 class=\"notification-banner__title\" id=\"notice-title\">Success</h2>"), page);

        given().formParam("text", "  ").formParam("formToken", StatusPageTest.formToken(path))
                .post(path + "/comments").then().statusCode(303).header("Location", endsWith("?notice=empty"));
        page = html(path + "?notice=empty");
        assertTrue(page.contains("<title>Error: Your issue " + story.number() + "</title>"), page);
        assertTrue(page.contains("class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus"), page);
        assertTrue(page.contains("<a href=\"#comment-text\">Enter a comment before you send it.</a>"), page);
        assertTrue(page.contains("form-group--error") && page.contains("aria-describedby=\"comment-hint comment-error\""), page);
        assertFalse(page.contains("notification-banner--success"), "an error is not styled as a success");

        String confirm = given().accept("text/html").get(path + "/close").then().statusCode(200).extract().asString();
        assertTrue(confirm.contains("<h1 id=\"confirm-title\">Are you sure you want to close this issue?</h1>"), confirm);
        assertTrue(confirm.contains("<form method=\"post\" action=\"" + path + "/close\""), confirm);
        assertTrue(confirm.contains("<a href=\"" + path + "\" id=\"confirm-back\">No, go back</a>"), confirm);
        Matcher token = Pattern.compile("name=\"formToken\" value=\"([A-Za-z0-9_-]+)\"").matcher(confirm);
        assertTrue(token.find());
        as(AGENT).get("/issues/{id}", story.id()).then().body("status", org.hamcrest.Matchers.equalTo("open"));
        given().formParam("formToken", token.group(1)).post(path + "/close").then().statusCode(303)
                .header("Location", endsWith("?notice=closed"));
        as(AGENT).get("/issues/{id}", story.id()).then().body("status", org.hamcrest.Matchers.equalTo("closed"));
        page = html(path);
        assertTrue(Pattern.compile("If it is not fixed, you can tell us until \\d{1,2} \\w+ \\d{4}\\.").matcher(page).find(), page);
        assertTrue(page.contains("id=\"not-fixed\""), page);
    }

    @Test
    void aDeadLinkSaysSoInTheCustomersLanguageAndRevealsNothing() {
        String unknown = "/status/" + "D".repeat(43);
        String page = given().accept("text/html").header("Accept-Language", "de-DE,de;q=0.9,en;q=0.5").get(unknown)
                .then().statusCode(404).extract().asString();
        assertTrue(page.contains("<html lang=\"de\">") && page.contains("<h1>Dieser Link funktioniert nicht mehr</h1>"), page);
        assertTrue(page.contains("neuen Link") && page.contains("mailto:help@anchor.example"), page);
        page = given().accept("text/html").header("Accept-Language", "fr").get(unknown).then().statusCode(404).extract().asString();
        assertTrue(page.contains("<h1>Ce lien ne fonctionne plus</h1>"), page);

        throttle.reset(); // the two misses above count too
        for (int i = 0; i < 10; i++) {
            given().get("/status/guess-" + i).then().statusCode(404);
        }
        page = given().accept("text/html").header("Accept-Language", "de").get("/status/guess-x").then().statusCode(429)
                .extract().asString();
        assertTrue(page.contains("<html lang=\"de\">") && page.contains("<h1>Zu viele Anfragen</h1>"), page);
        throttle.reset();

        Story story = Story.of(customer("Lena Schmidt", "de", "Europe/Berlin"));
        as(SUPERVISOR).delete("/issues/{id}/status-link", story.id()).then().statusCode(204);
        page = given().accept("text/html").header("Accept-Language", "en").get(story.path()).then().statusCode(404)
                .extract().asString();
        assertTrue(page.contains("<h1>Dieser Link funktioniert nicht mehr</h1>"), "the customer's language: " + page);
        assertFalse(page.contains(story.number()) || page.contains("Washing machine") || page.contains("Holborn"),
                "nothing about the issue: " + page);
    }

    private static List<String> items(String page) {
        Matcher li = Pattern.compile("(?s)<li><p class=\"meta\">(.*?)</li>").matcher(
                page.substring(page.indexOf("<ol id=\"history\">")));
        List<String> lines = new java.util.ArrayList<>();
        while (li.find()) {
            lines.add(visible(li.group(1)));
        }
        return lines;
    }

    /** A 360 px wide screenshot of the page by headless Chromium (into target/), when Chromium is installed. */
    private void screenshot(String path, String name) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        if (!Files.isExecutable(chromium)) {
            return;
        }
        Path out = Path.of("target", name).toAbsolutePath();
        Path profile = Files.createTempDirectory("anchor-shot-");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--screenshot=" + out, "--window-size=360,2000",
                base.toString().replaceAll("/$", "") + path).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "chromium took too long");
        assertTrue(Files.size(out) > 0);
    }
}
