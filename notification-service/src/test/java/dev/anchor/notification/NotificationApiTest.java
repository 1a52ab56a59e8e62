package dev.anchor.notification;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.notification.Fixtures.as;
import static dev.anchor.notification.Fixtures.awaitNotifications;
import static dev.anchor.notification.Fixtures.customer;
import static dev.anchor.notification.Fixtures.issue;
import static dev.anchor.notification.Fixtures.number;
import static dev.anchor.notification.Fixtures.opened;
import static dev.anchor.notification.Fixtures.registered;
import static dev.anchor.notification.Fixtures.sendIssue;
import static dev.anchor.notification.Fixtures.uniqueEmail;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The read API, templates and preview, and bad input on each. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class NotificationApiTest {

    @Test
    void listsByCustomerIssueAndStatusPagedAndReadsOne() {
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, uniqueEmail(), null, p -> { }));
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        sendIssue(opened(issue(a, customerId, number(), 1, "normal")));
        sendIssue(opened(issue(b, customerId, number(), 1, "normal")));
        String id = (String) awaitNotifications(a, 1, "sent").get(0).get("id");
        awaitNotifications(b, 1, "sent");

        as("agent").queryParam("customerId", customerId).get("/notifications").then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(2)).body("page", equalTo(0)).body("size", equalTo(20));
        as("agent").queryParam("customerId", customerId).queryParam("size", 1).queryParam("page", 1)
                .get("/notifications").then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(1));
        as("supervisor").queryParam("customerId", customerId).queryParam("status", "sent").get("/notifications")
                .then().statusCode(200).body("items.status", everyItem(equalTo("sent")));
        as("agent").queryParam("customerId", customerId).queryParam("status", "failed").get("/notifications")
                .then().statusCode(200).body("total", equalTo(0));
        as("agent").get("/notifications/{id}", id).then().statusCode(200)
                .body("id", equalTo(id)).body("issueId", equalTo(a.toString())).body("status", equalTo("sent"))
                .body("channel", equalTo("email")).body("subject", startsWith("Your issue "))
                .body("trigger.type", equalTo("issue.opened")).body("recipient", nullValue());
        as("agent").get("/notifications").then().statusCode(200).body("size", equalTo(20))
                .body("items.size()", lessThanOrEqualTo(20));
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"status, bogus", "customerId, not-a-uuid", "issueId, 123", "size, 0", "size, 101", "page, -1"})
    void badFiltersAreProblems(String name, String value) {
        assertProblem(as("agent").queryParam(name, value).get("/notifications").then(), 400);
    }

    @Test
    void badFilterTypesAndUnknownIdsAreProblems() {
        assertProblem(as("agent").queryParam("size", "many").get("/notifications").then(), 400);
        assertProblem(as("agent").get("/notifications/{id}", UUID.randomUUID()).then(), 404);
        assertProblem(as("agent").get("/notifications/not-a-uuid").then(), 404);
        assertProblem(as("agent").queryParam("customerId", "x".repeat(2000)).get("/notifications").then(), 400);
    }

    @Test
    void listsTemplates() {
        as("agent").get("/templates").then().statusCode(200)
                .body("type", hasItems("issue-opened", "issue-assigned", "next-action", "comment", "action-taken",
                        "issue-resolved", "issue-closed", "issue-reopened", "contact-summary", "status-link"))
                .body("find { it.type == 'issue-reopened' }.category", equalTo("service"))
                .body("find { it.type == 'issue-reopened' }.trigger", equalTo("issue.reopened"))
                .body("find { it.type == 'contact-summary' }.trigger", equalTo("contact.logged"))
                .body("find { it.type == 'contact-summary' }.category", equalTo("service"))
                .body("find { it.type == 'issue-opened' }.category", equalTo("critical"))
                .body("find { it.type == 'comment' }.category", equalTo("service"))
                .body("find { it.type == 'comment' }.languages", hasItems("en", "de"));
    }

    @Test
    void previewsRenderWithoutSendingInEveryLanguageWithFallback() {
        long before = samplesMailed();
        as("agent").body("{\"language\": \"en\"}").post("/templates/issue-opened/preview").then().statusCode(200)
                .body("language", equalTo("en")).body("subject", equalTo("Your issue K7-4QX9: Washing machine leaks"))
                .body("text", containsString("We have opened issue K7-4QX9 for you"))
                .body("text", containsString("https://status.anchor.local/status/sample-token"))
                .body("html", containsString("<a href=\"https://status.anchor.local/status/sample-token\""))
                .body("sms", containsString("K7-4QX9")).body("smsEncoding", equalTo("GSM7"))
                .body("smsSegments", equalTo(1));
        as("agent").body("{\"language\": \"de-AT\", \"timeZone\": \"Europe/Berlin\"}").post("/templates/issue-assigned/preview")
                .then().statusCode(200).body("language", equalTo("de"))
                .body("subject", equalTo("Ihr Anliegen K7-4QX9: Washing machine leaks"))
                .body("text", containsString("Bob betreut jetzt Ihr Anliegen K7-4QX9"))
                .body("text", containsString("Alice hat übergeben und ist ab 24.11.2026, 09:00 wieder da"));
        as("agent").body("{\"language\": \"fr\"}").post("/templates/issue-closed/preview").then().statusCode(200)
                .body("language", equalTo("fr")).body("subject", equalTo("Votre demande K7-4QX9 : Washing machine leaks"))
                .body("text", containsString("Votre demande K7-4QX9 est clôturée"));
        as("agent").body("{\"language\": \"es\"}").post("/templates/issue-closed/preview").then().statusCode(200)
                .body("language", equalTo("en")).body("text", containsString("Issue K7-4QX9 is closed"));
        // HTML is escaped, plain text is not
        as("agent").body("{\"change\": {\"text\": \"<script>x</script>\"}}").post("/templates/comment/preview").then()
                .statusCode(200).body("html", not(containsString("<script>"))).body("html", containsString("&lt;script&gt;"))
                .body("text", containsString("<script>x</script>"));
        // a long comment with non-GSM characters is cut to two UCS-2 segments, keeping the link
        as("agent").body("{\"change\": {\"text\": \"" + "Ünïcødé ✓ ".repeat(30) + "\"}}").post("/templates/comment/preview")
                .then().statusCode(200).body("smsEncoding", equalTo("UCS2")).body("smsSegments", equalTo(2))
                .body("sms", containsString("https://status.anchor.local/status/sample-token"));
        org.junit.jupiter.api.Assertions.assertEquals(before, samplesMailed());
    }

    /** Mail about the preview's sample issue: none may ever be sent. */
    private static long samplesMailed() {
        return java.util.Arrays.stream(MailServer.greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject() != null && m.getSubject().contains("K7-4QX9");
            } catch (Exception e) {
                return false;
            }
        }).count();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"issue-opened, en", "issue-opened, de", "issue-assigned, en", "issue-assigned, de", "next-action, en",
            "next-action, de", "comment, en", "comment, de", "action-taken, en", "action-taken, de",
            "issue-resolved, en", "issue-resolved, de", "issue-closed, en", "issue-closed, de", "issue-reopened, en",
            "issue-reopened, de", "contact-summary, en", "contact-summary, de", "issue-opened, fr", "issue-assigned, fr",
            "next-action, fr", "comment, fr", "action-taken, fr", "issue-resolved, fr", "issue-closed, fr",
            "issue-reopened, fr", "contact-summary, fr"})
    void everyTemplateRendersInEveryLanguageWithinTwoSegments(String type, String language) {
        as("system").body("{\"language\": \"" + language + "\"}").post("/templates/{type}/preview", type).then()
                .statusCode(200).body("language", equalTo(language)).body("subject", containsString("K7-4QX9"))
                .body("text", containsString("https://status.anchor.local/status/sample-token"))
                .body("html", containsString("https://status.anchor.local/status/sample-token"))
                .body("sms", containsString("https://status.anchor.local/status/sample-token"))
                .body("smsSegments", lessThanOrEqualTo(2))
                .body("text", not(containsString("{"))).body("html", containsString("</html>"));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource({"refund, en, 'We have refunded you'", "replacement, en, 'We are sending you a replacement'",
            "repair, en, 'Your repair is booked'", "repair_done, en, 'The repair is done'",
            "other, en, 'We took a step on your issue: another step'", "refund, de, 'Wir haben Ihnen den Betrag erstattet'",
            "replacement, de, 'Wir schicken Ihnen einen Ersatz'", "repair, de, 'Ihre Reparatur ist gebucht'",
            "repair_done, de, 'Die Reparatur ist abgeschlossen'",
            "other, de, 'Ein weiterer Schritt zu Ihrem Anliegen: ein weiterer Schritt'",
            "refund, fr, 'Nous vous avons remboursé'", "repair_done, fr, 'La réparation est terminée'"})
    void actionsReadAsALabelInTheCustomersLanguage(String kind, String language, String headline) {
        as("agent").body("{\"language\": \"" + language + "\", \"change\": {\"kind\": \"" + kind + "\"}}")
                .post("/templates/action-taken/preview").then().statusCode(200)
                .body("subject", containsString("K7-4QX9"))
                .body("text", containsString(headline))
                .body("sms", not(containsString(": " + kind)));
    }

    @Test
    void aContactSummaryPreviewShowsTheChannelDateAndSummary() {
        as("agent").body("{\"language\": \"en\", \"timeZone\": \"Europe/London\"}").post("/templates/contact-summary/preview")
                .then().statusCode(200).body("subject", equalTo("Your issue K7-4QX9: Washing machine leaks"))
                .body("text", containsString("Summary of your phone contact on 23 Nov 2026, 10:15\n\n"
                        + "We agreed that a technician visits on Thursday morning."));
        as("agent").body("{\"language\": \"de\", \"change\": {\"channel\": \"store\"}}").post("/templates/contact-summary/preview")
                .then().statusCode(200).body("text", containsString("Zusammenfassung Ihres Kontakts (Besuch im Geschäft) am 23.11.2026, 10:15"));
    }

    @Test
    void badPreviewsAreProblems() {
        assertProblem(as("agent").body("{}").post("/templates/no-such/preview").then(), 404);
        assertProblem(as("agent").post("/templates/issue-opened/preview").then(), 400);
        assertProblem(as("agent").body("{\"language\": ").post("/templates/issue-opened/preview").then(), 400);
        assertProblem(as("agent").body("{\"colour\": \"red\"}").post("/templates/issue-opened/preview").then(), 400)
                .body("errors[0].field", equalTo("colour"));
        assertProblem(as("agent").body("{\"language\": \"english please\"}").post("/templates/issue-opened/preview").then(), 400);
        assertProblem(as("agent").body("{\"timeZone\": \"Mars/Olympus\"}").post("/templates/issue-opened/preview").then(), 400)
                .body("errors[0].field", equalTo("timeZone"));
        assertProblem(as("agent").body("{\"issue\": [1, 2]}").post("/templates/issue-opened/preview").then(), 400)
                .body("errors[0].field", equalTo("issue"));
        assertProblem(as("agent").body("{\"customerName\": \"" + "x".repeat(70_000) + "\"}")
                .post("/templates/issue-opened/preview").then(), 413);
        assertProblem(as("agent").contentType("text/plain").body("hello").post("/templates/issue-opened/preview").then(), 415);
    }
}
