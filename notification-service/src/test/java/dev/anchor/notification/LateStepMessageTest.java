package dev.anchor.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.anchor.notification.domain.SmsSegments;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.anchor.notification.Fixtures.MAPPER;
import static dev.anchor.notification.Fixtures.WAIT;
import static dev.anchor.notification.Fixtures.awaitApplied;
import static dev.anchor.notification.Fixtures.awaitNotifications;
import static dev.anchor.notification.Fixtures.change;
import static dev.anchor.notification.Fixtures.customer;
import static dev.anchor.notification.Fixtures.issue;
import static dev.anchor.notification.Fixtures.issueEvent;
import static dev.anchor.notification.Fixtures.mailTo;
import static dev.anchor.notification.Fixtures.notifications;
import static dev.anchor.notification.Fixtures.number;
import static dev.anchor.notification.Fixtures.opened;
import static dev.anchor.notification.Fixtures.registered;
import static dev.anchor.notification.Fixtures.sendIssue;
import static dev.anchor.notification.Fixtures.uniqueEmail;
import static dev.anchor.notification.Fixtures.uniquePhone;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 15, "when a step of ours is overdue … the customer is told once": issue.next-action-overdue of a step of ours
 * makes one message (template next-action-overdue, category service) in the customer's language, saying it is late,
 * sorry, and the new time in their locale and zone — once, however often the event arrives; the customer's own late
 * step makes none; a late step replaced before its message went out is not told.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class LateStepMessageTest {

    static final String DUE = "2026-12-03T10:00:00Z";
    /** Ahead of any test run's clock, so the promise is still one to make. */
    static final String REVISED = "2031-12-04T10:00:00Z";
    static final String STATUS = "https://status.anchor.local/status/tok-";

    @Inject
    TestClock clock;

    @BeforeEach
    void providerAccepts() {
        Fixtures.smsProviderAccepts();
    }

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void aLateStepOfOursIsToldOnceWithTheNewTimeInEachLanguageLocaleAndZone() throws Exception {
        record Reader(String language, String zone, String code, List<String> says) {
        }
        List<Reader> readers = List.of(
                new Reader("en-GB", "Europe/London", "en", List.of("We are running late on issue ",
                        "Next step: Order the spare part (due 3 Dec 2026, 10:00). It is not done yet, and we are sorry.",
                        "We now expect it to be done by 4 Dec 2031, 10:00.")),
                new Reader("de-DE", "Europe/Berlin", "de", List.of("Bei Ihrem Anliegen ",
                        "Nächster Schritt: Order the spare part (fällig am 03.12.2026, 11:00). Er ist noch nicht erledigt, "
                                + "das tut uns leid.",
                        "Wir erwarten jetzt, dass er bis 04.12.2031, 11:00 erledigt ist.")),
                new Reader("fr-FR", "Europe/Paris", "fr", List.of("Nous avons du retard sur votre demande ",
                        "Prochaine étape : Order the spare part (prévue pour le 3 déc. 2026 11:00). Elle n'est pas encore "
                                + "réalisée, et nous en sommes désolés.",
                        "Nous prévoyons désormais de la terminer d'ici le 4 déc. 2031 11:00.")));
        for (Reader reader : readers) {
            clock.release();
            UUID customerId = UUID.randomUUID();
            String email = uniqueEmail();
            registered(customer(customerId, 1, email, null,
                    p -> p.put("language", reader.language()).put("timeZone", reader.zone())));
            UUID issueId = UUID.randomUUID();
            String number = number();
            ObjectNode issue = issue(issueId, customerId, number, 1, "normal");
            sendIssue(opened(issue));
            awaitNotifications(issueId, 1, "sent");
            // past the coalescing window of the opening message, so the late step goes as a message of its own
            clock.pin(Instant.now().plus(Duration.ofMinutes(3)));
            ObjectNode late = overdue(issue, 3, "agent", "Order the spare part");
            sendIssue(late);
            sendIssue(late); // delivered twice: applied once
            awaitApplied(late);
            List<Map<String, Object>> all = awaitNotifications(issueId, 2, "sent", "sent");
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> notifications(issueId).size() == 2);
            List<Map<String, Object>> told = all.stream()
                    .filter(n -> "next-action-overdue".equals(n.get("template"))).toList();
            assertEquals(1, told.size(), "told once: " + all);
            Map<String, Object> n = told.getFirst();
            assertEquals(reader.code(), n.get("language"));
            assertEquals("service", n.get("category"));
            assertEquals("issue.next-action-overdue", ((Map<?, ?>) n.get("trigger")).get("type"));

            MimeMessage mail = byId(email, (String) n.get("id"));
            MessageContentTest.print("late step (" + reader.language() + ")", mail);
            String text = MessageContentTest.text(mail);
            String html = MessageContentTest.html(mail);
            for (String line : reader.says()) {
                assertThat(text, containsString(line));
                assertThat(html, containsString(line.replace("'", "&#39;")));
            }
            assertThat(text, containsString(STATUS + number));
            assertThat((String) n.get("summary"), containsString(number));
            assertEquals(2, mailTo(email).size(), "the opening and the late step, nothing more");
        }
    }

    @Test
    void theSmsKeepsTheNewTimeAndTheLinkAndTheCustomersOwnLateStepSendsNothing() throws Exception {
        UUID customerId = UUID.randomUUID();
        String phone = uniquePhone();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms").put("language", "de-DE")
                .put("timeZone", "Europe/Berlin")));
        UUID issueId = UUID.randomUUID();
        String number = number();
        ObjectNode issue = issue(issueId, customerId, number, 1, "normal");
        sendIssue(opened(issue));
        awaitNotifications(issueId, 1, "sent");
        clock.pin(Instant.now().plus(Duration.ofMinutes(3)));
        sendIssue(overdue(issue, 3, "partner", "Gerät in der Werkstatt prüfen"));
        awaitNotifications(issueId, 2, "sent", "sent");
        String sms = lastSms(phone, 2);
        System.out.println("──── late step SMS (de, " + SmsSegments.count(sms) + ")\n" + sms);
        assertThat(sms, containsString("Anliegen " + number + ": Es tut uns leid, wir sind im Verzug."));
        assertThat(sms, containsString("Nächster Schritt: Gerät in der Werkstatt prüfen (fällig am 03.12.2026, 11:00)."));
        assertThat(sms, containsString("Wir erwarten jetzt, dass er bis 04.12.2031, 11:00 erledigt ist."));
        assertThat(sms, containsString(STATUS + number));
        assertEquals(SmsSegments.Encoding.GSM7, SmsSegments.count(sms).encoding());

        // a step whose text is long: the step is shortened, never the new time or the link
        UUID second = UUID.randomUUID();
        String secondNumber = number();
        ObjectNode other = issue(second, customerId, secondNumber, 1, "normal");
        clock.release();
        sendIssue(opened(other));
        awaitNotifications(second, 1, "sent");
        clock.pin(Instant.now().plus(Duration.ofMinutes(3)));
        String longStep = "Ersatzteil beim Hersteller bestellen, die Lieferung in das Lager in Düsseldorf veranlassen, "
                + "den Eingang prüfen und danach einen Termin mit der Werkstatt vereinbaren, damit das Gerät vor Ort "
                + "gemeinsam mit Ihnen geprüft und die Dichtung an der Tür ersetzt werden kann";
        sendIssue(overdue(other, 3, "agent", longStep));
        awaitNotifications(second, 2, "sent", "sent");
        String shortened = lastSms(phone, 4);
        System.out.println("──── late step SMS, long step (de, " + SmsSegments.count(shortened) + ")\n" + shortened);
        assertThat(SmsSegments.count(shortened).segments(), lessThanOrEqualTo(2));
        assertThat(shortened, containsString("Anliegen " + secondNumber + ": Es tut uns leid, wir sind im Verzug."));
        assertThat(shortened, containsString("Wir erwarten jetzt, dass er bis 04.12.2031, 11:00 erledigt ist."));
        assertThat(shortened, containsString(STATUS + secondNumber));
        assertThat(shortened, not(containsString("Tür ersetzt")));

        // the customer's own step passing its time is not a message (we do not nag; the page does not call it late)
        UUID third = UUID.randomUUID();
        ObjectNode theirs = issue(third, customerId, number(), 1, "normal");
        clock.release();
        sendIssue(opened(theirs));
        awaitNotifications(third, 1, "sent");
        clock.pin(Instant.now().plus(Duration.ofMinutes(3)));
        ObjectNode customersStep = overdue(theirs, 3, "customer", "Foto des Typenschilds senden");
        sendIssue(customersStep);
        awaitApplied(customersStep);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> notifications(third).size() == 1);
    }

    @Test
    void aLateStepReplacedBeforeItsMessageWentOutIsNotToldAndAPassedPromiseIsNotMade() {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.pin(start);
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, uniqueEmail(), null, p -> { }));
        UUID issueId = UUID.randomUUID();
        ObjectNode issue = issue(issueId, customerId, number(), 1, "normal");
        sendIssue(opened(issue));
        awaitNotifications(issueId, 1, "sent");
        // within the window: the late step waits for it to end …
        clock.pin(start.plusSeconds(5));
        sendIssue(overdue(issue, 3, "agent", "Order the spare part"));
        Map<String, Object> waiting = awaitNotifications(issueId, 2, "sent", "queued").stream()
                .filter(n -> "queued".equals(n.get("status"))).findFirst().orElseThrow();
        assertEquals("next-action-overdue", waiting.get("template"));
        // … and meanwhile the owner sets a new step of ours: the late one is no longer worth telling
        ObjectNode replaced = issue.deepCopy().put("version", 4);
        replaced.putObject("nextAction").put("what", "Fit the spare part").put("who", "agent")
                .put("dueAt", "2031-12-10T10:00:00Z");
        sendIssue(issueEvent("issue.next-action-set", replaced,
                change(Map.of("what", "Fit the spare part", "who", "agent", "dueAt", "2031-12-10T10:00:00Z"))));
        List<Map<String, Object>> all = awaitNotifications(issueId, 2, "sent", "suppressed");
        assertEquals("nothing-new", all.stream().filter(n -> n.get("id").equals(waiting.get("id"))).findFirst()
                .orElseThrow().get("reason"));

        // rendered after its new time passed, a message says it is late without repeating the passed promise
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("language", "en");
        sample.put("timeZone", "Europe/London");
        sample.put("change", Map.of("what", "Order the spare part", "who", "agent", "dueAt", DUE,
                "revisedDueAt", start.minusSeconds(60).toString()));
        JsonPath preview = Fixtures.as("agent").body(sample).post("/templates/next-action-overdue/preview").then()
                .statusCode(200).extract().jsonPath();
        assertThat(preview.getString("text"), containsString("It is not done yet, and we are sorry.\nWe are on it."));
        assertThat(preview.getString("text"), not(containsString("We now expect")));
        assertThat(preview.getString("sms"), not(containsString("We now expect")));
    }

    @Test
    void theSampleReadsWholeInEveryLanguage() {
        StringBuilder all = new StringBuilder("──── next-action-overdue samples\n");
        for (String language : List.of("en", "de", "fr")) {
            JsonPath preview = Fixtures.as("agent").body(Map.of("language", language, "timeZone", "Europe/Berlin"))
                    .post("/templates/next-action-overdue/preview").then().statusCode(200).extract().jsonPath();
            all.append(language).append(" subject: ").append(preview.getString("subject")).append('\n')
                    .append(preview.getString("text")).append("SMS (").append(preview.getString("smsEncoding"))
                    .append(", ").append(preview.getInt("smsSegments")).append("): ").append(preview.getString("sms"))
                    .append("\n\n");
            assertThat(preview.getInt("smsSegments"), lessThanOrEqualTo(2));
            assertEquals("GSM7", preview.getString("smsEncoding"), "no character that halves the SMS");
            for (String part : List.of(preview.getString("text"), preview.getString("sms"))) {
                assertThat(part, containsString("K7-4QX9"));
                assertThat(part, containsString("Order the spare part"));
                assertThat(part, containsString("2099")); // the sample's new time
                assertThat(part, not(containsString("{")));
                assertThat(part, not(containsString("  ")));
            }
        }
        System.out.println(all);
    }

    /** issue.next-action-overdue as issue-service publishes it; a step of ours carries the new time. */
    static ObjectNode overdue(ObjectNode issue, long version, String who, String what) {
        ObjectNode state = issue.deepCopy().put("version", version);
        ObjectNode next = state.putObject("nextAction").put("what", what).put("who", who).put("dueAt", DUE);
        Map<String, Object> change = new LinkedHashMap<>(Map.of("what", what, "who", who, "dueAt", DUE));
        if (!"customer".equals(who)) {
            next.put("revisedDueAt", REVISED);
            change.put("revisedDueAt", REVISED);
        }
        ObjectNode event = issueEvent("issue.next-action-overdue", state, change(change));
        event.withObject("/data").putObject("actor").put("role", "system").put("id", "issue-service")
                .put("displayName", "issue-service");
        return event;
    }

    /** The text of the {@code count}th SMS to {@code phone}, once it arrived. */
    private static String lastSms(String phone, int count) throws Exception {
        List<LoggedRequest> texts = Awaitility.await().atMost(WAIT).until(() -> SmsProvider.server.findAll(
                postRequestedFor(urlEqualTo("/messages")).withRequestBody(matchingJsonPath("$.to", equalTo(phone)))),
                list -> list.size() >= count);
        return MAPPER.readTree(texts.get(count - 1).getBodyAsString()).path("text").asText();
    }

    private static MimeMessage byId(String email, String notificationId) {
        return Awaitility.await().atMost(WAIT).until(() -> mailTo(email).stream().filter(m -> {
            try {
                return notificationId.equals(m.getHeader("X-Anchor-Notification", null));
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElse(null), m -> m != null);
    }
}
