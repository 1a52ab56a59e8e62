package dev.anchor.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.anchor.blocks.locale.CustomerLocale;
import dev.anchor.blocks.security.SignedLinks;
import dev.anchor.notification.domain.SmsSegments;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.anchor.notification.Fixtures.MAPPER;
import static dev.anchor.notification.Fixtures.WAIT;
import static dev.anchor.notification.Fixtures.awaitNotifications;
import static dev.anchor.notification.Fixtures.change;
import static dev.anchor.notification.Fixtures.customer;
import static dev.anchor.notification.Fixtures.issue;
import static dev.anchor.notification.Fixtures.issueEvent;
import static dev.anchor.notification.Fixtures.mailTo;
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
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a customer receives, read as they would: the received MIME message (every header, both parts) from GreenMail
 * and the SMS the provider got, in English, German and French (issue 15).
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class MessageContentTest {

    /** The test profile's link secret (application.properties' default, shared with customer-service locally). */
    static final SignedLinks LINKS = new SignedLinks("local-link-secret-change-me");
    static final String STATUS = "https://status.anchor.local/status/tok-";
    /** An appointment ahead of any test run's clock. */
    static final String APPOINTMENT_AT = "2027-01-14T10:00:00Z";

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

    // ── E1: headers ────────────────────────────────────────────────────────────────────────────────────────────

    @Test
    void everyEmailOfAnIssueIsOneThreadWithItsOwnStableMessageIdAndNoEmptyHeader() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> { }));
        UUID issueId = UUID.randomUUID();
        String number = number();
        ObjectNode issue = issue(issueId, customerId, number, 1, "normal");
        sendIssue(opened(issue));
        String openedId = (String) awaitNotifications(issueId, 1, "sent").get(0).get("id");
        // critical: goes at once, not coalesced with the opening
        sendIssue(issueEvent("issue.status-changed", issue.deepCopy().put("version", 2).put("status", "resolved"),
                change(Map.of("from", "in_progress", "to", "resolved"))));
        List<Map<String, Object>> sent = awaitNotifications(issueId, 2, "sent", "sent");
        String resolvedId = (String) sent.stream().filter(n -> !openedId.equals(n.get("id"))).findFirst()
                .orElseThrow().get("id");
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 2);
        MimeMessage first = byId(email, openedId);
        MimeMessage second = byId(email, resolvedId);
        print("E1 opened (en)", first);

        assertEquals("<" + openedId + "@anchor.local>", first.getHeader("Message-ID", null));
        assertEquals("<" + resolvedId + "@anchor.local>", second.getHeader("Message-ID", null));
        String thread = "<issue-" + issueId + "@anchor.local>";
        for (MimeMessage m : List.of(first, second)) {
            assertEquals(thread, m.getHeader("In-Reply-To", null));
            assertEquals(thread, m.getHeader("References", null));
            // a reply goes to the organisation's mailbox, plus-addressed with the issue's signed token
            assertEquals("care+" + ReplyTokens.token(issueId) + "@anchor.local", m.getHeader("Reply-To", null));
            assertEquals("Your issue " + number + ": Washing machine leaks", m.getSubject());
            assertEquals("Anchor customer care <care@anchor.local>", m.getHeader("From", null));
            assertNull(m.getHeader("Cc"), "no Cc at all");
            assertNull(m.getHeader("Bcc"));
            // critical messages cannot be unsubscribed from
            assertNull(m.getHeader("List-Unsubscribe"));
            assertNull(m.getHeader("List-Unsubscribe-Post"));
            assertNoEmptyHeader(m);
        }
        // what is new is the body's first line (after the greeting)
        assertThat(text(first), startsWith("Hello Ada Lovelace,\n\nWe have opened issue " + number + " for you\n"));
        assertThat(text(second), startsWith("Hello Ada Lovelace,\n\nWe believe issue " + number + " is resolved\n"));
    }

    @Test
    void aServiceMessageCarriesOneClickUnsubscribeSignedForItsCustomerAndCategory() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> p.put("language", "de")));
        UUID issueId = UUID.randomUUID();
        String number = number();
        sendIssue(issueEvent("issue.commented", issue(issueId, customerId, number, 3, "normal"), change(Map.of(
                "commentId", UUID.randomUUID().toString(), "visibility", "public",
                "author", Map.of("role", "agent", "id", "agent.alice", "displayName", "Alice"),
                "text", "Das Ersatzteil ist bestellt."))));
        String id = (String) awaitNotifications(issueId, 1, "sent").get(0).get("id");
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        MimeMessage mail = mailTo(email).get(0);
        print("E1 comment (de)", mail);

        assertEquals("<" + id + "@anchor.local>", mail.getHeader("Message-ID", null));
        assertEquals("Anchor Kundenservice <care@anchor.local>", mail.getHeader("From", null));
        assertEquals("Ihr Anliegen " + number + ": Washing machine leaks", mail.getSubject());
        String unsubscribe = mail.getHeader("List-Unsubscribe", null);
        assertThat(unsubscribe, startsWith("<http://127.0.0.1:8081/preferences/unsubscribe?token="));
        assertEquals("List-Unsubscribe=One-Click", mail.getHeader("List-Unsubscribe-Post", null));
        SignedLinks.Claims claims = LINKS.verify("unsubscribe", token(unsubscribe.substring(1, unsubscribe.length() - 1)),
                Instant.now()).orElseThrow();
        assertEquals(List.of(customerId.toString(), "service"), claims.fields());
        assertNear(Instant.now().plus(Duration.ofDays(90)), claims.expires());
        assertNoEmptyHeader(mail);
        // the same link in the footer, and the preferences page
        assertThat(html(mail), containsString("Diese Nachrichten abbestellen"));
        SignedLinks.Claims preferences = LINKS.verify("preferences", token(link(html(mail), "/preferences?token=")),
                Instant.now()).orElseThrow();
        assertEquals(List.of(customerId.toString()), preferences.fields());
        assertNear(Instant.now().plus(Duration.ofDays(30)), preferences.expires());
    }

    // ── E2: the HTML part, the footer, French ───────────────────────────────────────────────────────────────────

    @Test
    void aFrenchCustomerGetsAStyledResponsiveEmailInFrenchWithTheOrganisationAndPreferences() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> p.put("language", "fr-BE").put("timeZone", "Europe/Paris")));
        UUID issueId = UUID.randomUUID();
        String number = number();
        sendIssue(opened(issue(issueId, customerId, number, 1, "normal")));
        Map<String, Object> n = awaitNotifications(issueId, 1, "sent").get(0);
        assertEquals("fr", n.get("language"));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        MimeMessage mail = mailTo(email).get(0);
        print("E2 opened (fr)", mail);
        assertEquals("Votre demande " + number + " : Washing machine leaks", mail.getSubject());
        assertEquals("Service client Anchor <care@anchor.local>", mail.getHeader("From", null));
        assertTrue(mail.isMimeType("multipart/alternative"), mail.getContentType());
        String text = text(mail);
        String html = html(mail);
        assertThat(text, startsWith("Bonjour Ada Lovelace,\n\nNous avons ouvert la demande " + number + " pour vous"));
        assertThat(text, containsString(STATUS + number));
        assertThat(text, containsString("Gérer vos préférences : http://127.0.0.1:8081/preferences?token="));
        assertThat(text, containsString("Anchor | Tél. +44 20 7946 0000 | care@anchor.local | https://anchor.local"));
        // critical: no unsubscribe, in the footer either
        assertThat(text, not(containsString("désabonner")));
        assertThat(html, containsString("<html lang=\"fr\">"));
        assertThat(html, containsString("name=\"viewport\" content=\"width=device-width, initial-scale=1\""));
        assertThat(html, containsString("max-width:600px"));
        assertThat(html, containsString("href=\"" + STATUS + number + "\""));
        assertThat(html, containsString("Suivre votre demande " + number));
        assertThat(html, containsString(">Gérer vos préférences</a>"));
        assertThat(html, containsString("mailto:care@anchor.local"));
        assertThat(html, containsString("+44 20 7946 0000"));
        // inline styles only: no style sheet, no classes, nothing remote
        assertThat(html, not(containsString("<style")));
        assertThat(html, not(containsString("class=")));
        assertThat(html, not(containsString("<link")));
        assertThat(html, not(containsString("<img")));
        assertNoEmptyHeader(mail);
        LINKS.verify("preferences", token(link(html, "/preferences?token=")), Instant.now()).orElseThrow();
    }

    // ── E3: words and numbers ───────────────────────────────────────────────────────────────────────────────────

    @Test
    void amountsAndDatesReadAsTheCustomersAndStepsReadAsSentences() throws Exception {
        for (String language : List.of("en-GB", "de", "fr")) {
            UUID customerId = UUID.randomUUID();
            String email = uniqueEmail();
            String zone = language.equals("en-GB") ? "Europe/London" : "Europe/Berlin";
            registered(customer(customerId, 1, email, null, p -> p.put("language", language).put("timeZone", zone)));
            CustomerLocale locale = CustomerLocale.of(language, zone, List.of("en", "de", "fr"));
            String currency = language.equals("en-GB") ? "GBP" : "EUR";

            UUID refunded = UUID.randomUUID();
            String refundNumber = number();
            sendIssue(issueEvent("issue.action-taken", issue(refunded, customerId, refundNumber, 2, "normal"), change(Map.of(
                    "actionId", UUID.randomUUID().toString(), "kind", "refund", "amount", 1249.5, "currency", currency))));
            awaitNotifications(refunded, 1, "sent");

            UUID asked = UUID.randomUUID();
            String due = "2026-12-03T17:00:00Z";
            ObjectNode state = issue(asked, customerId, number(), 2, "normal");
            state.putObject("nextAction").put("what", "Please send us a photo of the label.").put("who", "customer")
                    .put("dueAt", due);
            sendIssue(issueEvent("issue.next-action-set", state, change(Map.of(
                    "what", "Please send us a photo of the label.", "who", "customer", "dueAt", due))));
            awaitNotifications(asked, 1, "sent");
            Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 2);

            String refund = text(mailTo(email).stream().filter(m -> subject(m).contains(refundNumber)).findFirst()
                    .orElseThrow());
            String step = text(mailTo(email).stream().filter(m -> !subject(m).contains(refundNumber)).findFirst()
                    .orElseThrow());
            System.out.println("──── E3 " + language + "\n" + refund + "\n────\n" + step);
            String amount = locale.money(new BigDecimal("1249.50"), currency);
            assertThat(refund, containsString(amount));
            assertThat(refund, not(containsString("1249.5")));
            String dueText = locale.dateTime(Instant.parse(due));
            assertThat(step, containsString(dueText));
            assertThat(step, not(containsString("2026-12-03T")));
            assertThat(step, not(containsString("we need")));
            assertThat(step, not(containsString("Please send us a photo of the label.)")));
            switch (language) {
                case "en-GB" -> {
                    assertEquals("£1,249.50", amount);
                    assertThat(refund, containsString("We have refunded you £1,249.50"));
                    assertThat(step, containsString("Next step for you: Please send us a photo of the label (by 3 Dec 2026, 17:00)."));
                }
                case "de" -> {
                    assertThat(refund, containsString("Wir haben Ihnen " + amount + " erstattet"));
                    assertEquals("1.249,50\u00a0€", amount);
                    assertThat(step, containsString("Ihr nächster Schritt: Please send us a photo of the label (bis 03.12.2026, 18:00)."));
                }
                default -> {
                    assertThat(refund, containsString("Nous vous avons remboursé " + amount));
                    assertThat(step, containsString("Prochaine étape pour vous : Please send us a photo of the label (avant le "
                            + dueText + ")."));
                }
            }
        }
    }

    // ── E4: the new event contract ──────────────────────────────────────────────────────────────────────────────

    @Test
    void aBookedRepairShowsTheAppointmentCardInTheCustomersZoneAndLanguage() throws Exception {
        for (String language : List.of("en", "de", "fr")) {
            UUID customerId = UUID.randomUUID();
            String email = uniqueEmail();
            registered(customer(customerId, 1, email, null, p -> p.put("language", language).put("timeZone", "Europe/Berlin")));
            UUID issueId = UUID.randomUUID();
            String actionId = UUID.randomUUID().toString();
            ObjectNode state = issue(issueId, customerId, number(), 4, "normal");
            state.set("appointment", MAPPER.createObjectNode().put("actionId", actionId).put("kind", "repair")
                    .put("scheduledAt", APPOINTMENT_AT).put("bring", "the receipt").set("place", place()));
            ObjectNode change = change(Map.of("actionId", actionId, "kind", "repair", "scheduledAt", APPOINTMENT_AT,
                    "place", "Leeds"));
            change.set("location", place());
            sendIssue(issueEvent("issue.action-taken", state, change));
            awaitNotifications(issueId, 1, "sent");
            Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
            MimeMessage mail = mailTo(email).get(0);
            print("E4 appointment (" + language + ")", mail);
            String text = text(mail);
            String html = html(mail);
            CustomerLocale locale = CustomerLocale.of(language, "Europe/Berlin", List.of("en", "de", "fr"));
            String when = locale.dateTime(Instant.parse(APPOINTMENT_AT));
            for (String body : List.of(text, html)) {
                assertThat(body, containsString("Anchor repair centre Leeds"));
                assertThat(body, containsString("12 Wellington Street"));
                assertThat(body, containsString("Leeds LS1 4DL"));
                assertThat(body, containsString(when));
                assertThat(body, containsString("the receipt"));
                assertThat(body, containsString("+44 20 7946 0000"));
            }
            switch (language) {
                case "en" -> {
                    assertThat(text, containsString("Your repair appointment\nWhen: 14 Jan 2027, 11:00\n"
                            + "Where: Anchor repair centre Leeds, 12 Wellington Street, Leeds LS1 4DL\n"
                            + "Opening hours: Monday–Friday 09:00–17:30; Saturday 10:00–16:00\n"
                            + "Phone: +44 113 496 0000\nPlease bring: the receipt\nTo change it, call us on +44 20 7946 0000."));
                    assertThat(text, containsString("Your repair is booked"));
                }
                case "de" -> assertThat(text, containsString("Öffnungszeiten: Montag–Freitag 09:00–17:30; Samstag 10:00–16:00"));
                default -> assertThat(text, containsString("Heures d'ouverture : lundi–vendredi 09:00–17:30; samedi 10:00–16:00"));
            }
        }
    }

    @Test
    void resolvedClosedAndReopenedTellTheWholeTruthInEachLanguage() throws Exception {
        for (String language : List.of("en", "de", "fr")) {
            UUID customerId = UUID.randomUUID();
            String email = uniqueEmail();
            registered(customer(customerId, 1, email, null, p -> p.put("language", language).put("timeZone", "Europe/London")));
            CustomerLocale locale = CustomerLocale.of(language, "Europe/London", List.of("en", "de", "fr"));

            UUID resolved = UUID.randomUUID();
            String resolvedNumber = number();
            ObjectNode state = issue(resolved, customerId, resolvedNumber, 5, "normal").put("status", "resolved")
                    .put("closesAt", "2026-12-09T09:00:00Z");
            sendIssue(opened(issue(resolved, customerId, resolvedNumber, 1, "normal")));
            awaitNotifications(resolved, 1, "sent");
            sendIssue(issueEvent("issue.status-changed", state, change(Map.of("from", "in_progress", "to", "resolved"))));
            awaitNotifications(resolved, 2, "sent", "sent");

            UUID closed = UUID.randomUUID();
            String closedNumber = number();
            sendIssue(issueEvent("issue.closed", issue(closed, customerId, closedNumber, 9, "normal").put("status", "closed")
                    .put("reopenableUntil", "2027-01-08T09:00:00Z"), change(Map.of("by", "owner", "automatic", true))));
            awaitNotifications(closed, 1, "sent");

            UUID reopened = UUID.randomUUID();
            String reopenedNumber = number();
            sendIssue(issueEvent("issue.reopened", issue(reopened, customerId, reopenedNumber, 6, "normal"),
                    change(Map.of("reason", "Reopened by agent after QA review", "by", "agent"))));
            awaitNotifications(reopened, 1, "sent");
            Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 4);

            String resolvedId = (String) Fixtures.notifications(resolved).stream()
                    .filter(n -> "issue-resolved".equals(n.get("template"))).findFirst().orElseThrow().get("id");
            String resolvedText = text(byId(email, resolvedId));
            String closedText = text(mailTo(email).stream().filter(m -> subject(m).contains(closedNumber)).findFirst().orElseThrow());
            String reopenedText = text(mailTo(email).stream().filter(m -> subject(m).contains(reopenedNumber)).findFirst().orElseThrow());
            System.out.println("──── E4 " + language + "\n" + resolvedText + "\n────\n" + closedText + "\n────\n" + reopenedText);
            String closesOn = locale.date(Instant.parse("2026-12-09T09:00:00Z"));
            String reopenUntil = locale.date(Instant.parse("2027-01-08T09:00:00Z"));
            assertThat(resolvedText, containsString(closesOn));
            assertThat(resolvedText, containsString(STATUS + resolvedNumber));
            assertThat(closedText, containsString(reopenUntil));
            // an agent's reason is not the customer's words and never shown
            assertThat(reopenedText, not(containsString("QA review")));
            switch (language) {
                case "en" -> {
                    assertThat(resolvedText, containsString("We will close it on 9 December 2026 unless you tell us it is not fixed "
                            + "on your status page: " + STATUS + resolvedNumber + "\n"));
                    assertThat(closedText, containsString("As nobody told us that anything is still wrong, we have closed it."));
                    assertThat(closedText, containsString("you can reopen it until 8 January 2027"));
                    assertThat(reopenedText, containsString("We have reopened issue"));
                }
                case "de" -> {
                    assertThat(resolvedText, containsString("Wir schließen es am 9. Dezember 2026, es sei denn, Sie sagen uns, dass es nicht behoben ist"));
                    assertThat(closedText, containsString("bis zum 8. Januar 2027 wieder öffnen"));
                    assertThat(reopenedText, containsString("wieder geöffnet"));
                }
                default -> {
                    assertThat(resolvedText, containsString("Nous la clôturerons le 9 décembre 2026"));
                    assertThat(closedText, containsString("jusqu'au 8 janvier 2027"));
                    assertThat(reopenedText, containsString("Nous avons rouvert la demande"));
                }
            }
        }
    }

    @Test
    void aCompletedStepIsNeverAskedForAgain() throws Exception {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.pin(start);
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> { }));

        // a step asked for right after the opening waits for the window; completed meanwhile, it is never sent
        UUID issueId = UUID.randomUUID();
        String number = number();
        ObjectNode issue = issue(issueId, customerId, number, 1, "normal");
        sendIssue(opened(issue));
        awaitNotifications(issueId, 1, "sent");
        clock.pin(start.plusSeconds(5));
        ObjectNode asked = issue.deepCopy().put("version", 2).put("status", "waiting_on_customer");
        asked.putObject("nextAction").put("what", "a photo of the label").put("who", "customer")
                .put("dueAt", "2026-12-08T17:00:00Z");
        sendIssue(issueEvent("issue.next-action-set", asked, change(Map.of("what", "a photo of the label",
                "who", "customer", "dueAt", "2026-12-08T17:00:00Z"))));
        Map<String, Object> waiting = awaitNotifications(issueId, 2, "sent", "queued").stream()
                .filter(n -> "queued".equals(n.get("status"))).findFirst().orElseThrow();
        assertEquals("coalescing", waiting.get("reason"));
        ObjectNode done = issue.deepCopy().put("version", 3).put("status", "in_progress");
        ObjectNode completed = issueEvent("issue.next-action-completed", done, change(Map.of("what", "a photo of the label",
                "who", "customer", "dueAt", "2026-12-08T17:00:00Z", "completedBy", "customer", "reason", "answered")));
        sendIssue(completed);
        // nothing of its own, and what waited is no longer worth sending
        List<Map<String, Object>> all = awaitNotifications(issueId, 2, "sent", "suppressed");
        assertEquals("nothing-new", all.stream().filter(n -> n.get("id").equals(waiting.get("id"))).findFirst()
                .orElseThrow().get("reason"));

        // a step waiting when the issue is resolved is left out of the resolved message
        UUID second = UUID.randomUUID();
        String secondNumber = number();
        ObjectNode other = issue(second, customerId, secondNumber, 1, "normal");
        sendIssue(opened(other));
        awaitNotifications(second, 1, "sent");
        clock.pin(start.plusSeconds(10));
        ObjectNode step = other.deepCopy().put("version", 2);
        step.putObject("nextAction").put("what", "a photo of the label").put("who", "customer")
                .put("dueAt", "2026-12-08T17:00:00Z");
        sendIssue(issueEvent("issue.next-action-set", step, change(Map.of("what", "a photo of the label",
                "who", "customer", "dueAt", "2026-12-08T17:00:00Z"))));
        awaitNotifications(second, 2, "sent", "queued");
        sendIssue(issueEvent("issue.status-changed", other.deepCopy().put("version", 4).put("status", "resolved")
                .put("closesAt", "2026-12-16T10:00:00Z"), change(Map.of("from", "waiting_on_customer", "to", "resolved"))));
        List<Map<String, Object>> told = awaitNotifications(second, 3, "sent", "suppressed", "sent");
        Map<String, Object> resolved = told.stream().filter(n -> "issue.status-changed".equals(
                ((Map<?, ?>) n.get("trigger")).get("type"))).findFirst().orElseThrow();
        assertEquals("issue-resolved", resolved.get("template"));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 3);
        String text = text(byId(email, (String) resolved.get("id")));
        System.out.println("──── E4 resolved after a step\n" + text);
        assertThat(text, containsString("We believe issue " + secondNumber + " is resolved"));
        assertThat(text, not(containsString("photo")));
        assertThat(text, not(containsString("8 Dec")));
        assertThat(text, containsString("16 December 2026"));
        assertFalse(mailTo(email).stream().anyMatch(m -> text(m).contains("photo of the label")));
    }

    @Test
    void aDigestReadsAsOneMessageAndAStepAtAPlaceShowsThePlace() throws Exception {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.pin(start);
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> p.put("language", "fr").put("timeZone", "Europe/Paris")));
        UUID issueId = UUID.randomUUID();
        String number = number();
        ObjectNode issue = issue(issueId, customerId, number, 1, "normal");
        sendIssue(opened(issue));
        awaitNotifications(issueId, 1, "sent");
        clock.pin(start.plusSeconds(5));
        sendIssue(issueEvent("issue.assigned", issue.deepCopy().put("version", 2), change(Map.of(
                "owner", Map.of("id", "agent.bob", "displayName", "Bob"),
                "previousOwner", Map.of("id", "agent.alice", "displayName", "Alice"),
                "introduction", "Bob connaît bien ces machines."))));
        ObjectNode step = issue.deepCopy().put("version", 3);
        step.putObject("nextAction").put("what", "Déposez la machine au magasin.").put("who", "customer")
                .put("dueAt", "2026-12-10T17:00:00Z").set("place", place());
        sendIssue(issueEvent("issue.next-action-set", step, change(Map.of("what", "Déposez la machine au magasin.",
                "who", "customer", "dueAt", "2026-12-10T17:00:00Z"))));
        awaitNotifications(issueId, 3, "sent", "suppressed", "queued");
        clock.pin(start.plus(Duration.ofMinutes(2)).plusSeconds(1));
        List<Map<String, Object>> all = awaitNotifications(issueId, 3, "sent", "suppressed", "sent");
        Map<String, Object> digest = all.stream().filter(n -> "digest".equals(n.get("template"))).findFirst().orElseThrow();
        MimeMessage mail = byId(email, (String) digest.get("id"));
        print("digest (fr)", mail);
        String text = text(mail);
        assertEquals("Votre demande " + number + " : Washing machine leaks", mail.getSubject());
        assertThat(text, containsString("Du nouveau sur votre demande " + number));
        assertThat(text, containsString("Bob s'occupe désormais de votre demande " + number + "."));
        assertThat(text, containsString("Prochaine étape pour vous : Déposez la machine au magasin (avant le 10 déc. 2026 18:00)."));
        assertThat(text, containsString("Où vous rendre\nOù : Anchor repair centre Leeds, 12 Wellington Street, Leeds LS1 4DL\n"
                + "Heures d'ouverture : lundi–vendredi 09:00–17:30; samedi 10:00–16:00"));
        assertThat(text, not(containsString("Pour le modifier")));
        assertNoEmptyHeader(mail);
    }

    // ── E5: SMS that fit ────────────────────────────────────────────────────────────────────────────────────────

    @Test
    void aGermanAppointmentSmsThatDoesNotFitLeavesOutTheLeastImportantAndKeepsWhereAndWhen() throws Exception {
        UUID customerId = UUID.randomUUID();
        String phone = uniquePhone();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms").put("language", "de")
                .put("timeZone", "Europe/Berlin")));
        UUID issueId = UUID.randomUUID();
        String number = number();
        String actionId = UUID.randomUUID().toString();
        ObjectNode place = place();
        place.put("name", "Anchor Reparaturzentrum Düsseldorf-Oberbilk");
        ((ObjectNode) place.path("address")).putArray("lines").add("Kölner Landstraße 123, Hinterhof, 2. Etage");
        ((ObjectNode) place.path("address")).put("city", "Düsseldorf").put("postalCode", "40591").put("country", "DE");
        ObjectNode state = issue(issueId, customerId, number, 4, "normal");
        state.set("appointment", MAPPER.createObjectNode().put("actionId", actionId).put("kind", "repair")
                .put("scheduledAt", APPOINTMENT_AT).put("bring", "den Kaufbeleg und das Netzteil").set("place", place));
        ObjectNode change = change(Map.of("actionId", actionId, "kind", "repair", "scheduledAt", APPOINTMENT_AT,
                "note", "Bitte planen Sie etwa eine Stunde ein, damit wir das Gerät vor Ort gemeinsam prüfen können."));
        change.set("location", place);
        sendIssue(opened(issue(issueId, customerId, number, 1, "normal")));
        awaitNotifications(issueId, 1, "sent");
        // a booking is worth its own message: sent at once once the window is over
        clock.pin(Instant.now().plus(Duration.ofMinutes(3)));
        sendIssue(issueEvent("issue.action-taken", state, change));
        awaitNotifications(issueId, 2, "sent", "sent");
        List<LoggedRequest> texts = SmsProvider.server.findAll(postRequestedFor(urlEqualTo("/messages"))
                .withRequestBody(matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(phone))));
        assertEquals(2, texts.size());
        String sms = MAPPER.readTree(texts.get(1).getBodyAsString()).path("text").asText();
        System.out.println("──── E5 SMS (de, " + SmsSegments.count(sms) + ")\n" + sms);
        assertThat(SmsSegments.count(sms).segments(), lessThanOrEqualTo(2));
        // what matters is whole: what happened, when and where
        assertThat(sms, containsString("Anliegen " + number + ": Ihre Reparatur ist gebucht."));
        assertThat(sms, containsString("Reparatur am 14.01.2027, 11:00 bei Anchor Reparaturzentrum Düsseldorf-Oberbilk, "
                + "Kölner Landstraße 123, Hinterhof, 2. Etage, 40591 Düsseldorf."));
        // the greeting and the aside went first, whole; nothing is cut inside a sentence
        assertThat(sms, not(containsString("Guten Tag")));
        assertThat(sms, not(containsString("etwa eine Stunde")));
        // what to bring matters more than the opening hours once there is a time
        assertThat(sms, containsString("Bitte mitbringen: den Kaufbeleg und das Netzteil."));
        assertThat(sms, not(containsString("Geöffnet")));
        assertThat(sms, not(containsString("...")));
        assertThat(sms, containsString(STATUS + number));
        assertEquals(SmsSegments.Encoding.GSM7, SmsSegments.count(sms).encoding());
    }

    @Test
    void everySampleSmsReadsWholeInEveryLanguage() {
        StringBuilder all = new StringBuilder("──── E5 every sample SMS\n");
        for (String language : List.of("en", "de", "fr")) {
            for (String type : List.of("issue-opened", "issue-assigned", "next-action", "comment", "action-taken",
                    "issue-resolved", "issue-closed", "issue-reopened", "contact-summary", "status-link")) {
                io.restassured.path.json.JsonPath preview = Fixtures.as("agent")
                        .body("{\"language\": \"" + language + "\", \"timeZone\": \"Europe/Berlin\"}")
                        .post("/templates/{type}/preview", type).then().statusCode(200).extract().jsonPath();
                String sms = preview.getString("sms");
                all.append(language).append(' ').append(type).append(" (").append(preview.getString("smsEncoding"))
                        .append(", ").append(preview.getInt("smsSegments")).append("): ").append(sms).append('\n');
                assertThat(preview.getInt("smsSegments"), lessThanOrEqualTo(2));
                assertThat(sms, containsString("K7-4QX9"));
                assertThat(sms, containsString("https://status.anchor.local/status/sample-token"));
                assertThat(sms, not(containsString("...")));
                assertThat(sms, not(containsString("{")));
                assertThat(sms, not(containsString("  ")));
            }
        }
        System.out.println(all);
    }

    @Test
    void smsPiecesGoLeastImportantFirstAndTheLinkLast() {
        List<SmsSegments.Piece> pieces = List.of(SmsSegments.Piece.of("g|Guten Tag Ada Lovelace,"),
                SmsSegments.Piece.of("c|Anliegen K7-4QX9: Ihre Reparatur ist gebucht."),
                SmsSegments.Piece.of("c|Reparatur am 14.01.2027, 11:00 bei Anchor Reparaturzentrum Leeds, 12 Wellington Street, Leeds LS1 4DL."),
                SmsSegments.Piece.of("d|Geöffnet Montag–Freitag 09:00–17:30."),
                SmsSegments.Piece.of("d|Bitte mitbringen: den Kaufbeleg."),
                SmsSegments.Piece.of("t|" + "Ein sehr langer Hinweis ".repeat(12)));
        String link = "Details: https://status.anchor.local/status/tok-K7-4QX9";
        String fitted = SmsSegments.compose(pieces, link, 2);
        System.out.println("──── E5 composed (" + SmsSegments.count(fitted) + ")\n" + fitted);
        assertThat(SmsSegments.count(fitted).segments(), lessThanOrEqualTo(2));
        assertThat(fitted, containsString("Reparatur am 14.01.2027, 11:00 bei Anchor Reparaturzentrum Leeds, 12 Wellington Street, Leeds LS1 4DL."));
        assertThat(fitted, containsString(link));
        assertThat(fitted, not(containsString("Guten Tag")));
        // everything fits in one segment: nothing left out
        String small = SmsSegments.compose(List.of(SmsSegments.Piece.of("g|Hallo Ada,"), SmsSegments.Piece.of("c|Es ist gelöst.")),
                link, 2);
        assertEquals("Hallo Ada,\nEs ist gelöst. " + link, small);
        // when only the core fits, the link goes last
        String core = "c|" + "Wort ".repeat(60).strip() + ".";
        String onlyCore = SmsSegments.compose(List.of(SmsSegments.Piece.of(core)), link, 2);
        assertThat(onlyCore, not(containsString("https://")));
        assertEquals(core.substring(2), onlyCore);
    }

    // ── helpers ─────────────────────────────────────────────────────────────────────────────────────────────────

    /** A repair centre as issue-service publishes a place. */
    static ObjectNode place() {
        ObjectNode place = MAPPER.createObjectNode();
        place.put("locationId", UUID.randomUUID().toString()).put("name", "Anchor repair centre Leeds")
                .put("kind", "repair_centre").put("phone", "+44 113 496 0000").put("timeZone", "Europe/London");
        ObjectNode address = place.putObject("address");
        address.putArray("lines").add("12 Wellington Street");
        address.put("city", "Leeds").put("postalCode", "LS1 4DL").put("country", "GB");
        var hours = place.putArray("openingHours");
        ObjectNode weekdays = hours.addObject();
        weekdays.putArray("days").add("monday").add("tuesday").add("wednesday").add("thursday").add("friday");
        weekdays.put("opens", "09:00").put("closes", "17:30");
        ObjectNode saturday = hours.addObject();
        saturday.putArray("days").add("saturday");
        saturday.put("opens", "10:00").put("closes", "16:00");
        return place;
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

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void assertNoEmptyHeader(Part part) throws Exception {
        for (Header h : Collections.list(part.getAllHeaders())) {
            assertFalse(h.getValue() == null || h.getValue().isBlank(), "empty header " + h.getName());
        }
        if (part.getContent() instanceof MimeMultipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                assertNoEmptyHeader(multipart.getBodyPart(i));
            }
        }
    }

    static String text(MimeMessage mail) {
        return partOf(mail, "text/plain").replace("\r\n", "\n");
    }

    static String html(MimeMessage mail) {
        return partOf(mail, "text/html");
    }

    private static String partOf(MimeMessage mail, String type) {
        try {
            for (BodyPart p : parts((MimeMultipart) mail.getContent())) {
                if (p.isMimeType(type)) {
                    return p.getContent().toString();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("no " + type + " part");
    }

    private static List<BodyPart> parts(MimeMultipart multipart) throws Exception {
        List<BodyPart> parts = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                parts.addAll(parts(nested));
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    private static String link(String html, String marker) {
        Matcher m = Pattern.compile("href=\"([^\"]*" + Pattern.quote(marker) + "[^\"]*)\"").matcher(html);
        assertTrue(m.find(), "no link with " + marker);
        return m.group(1).replace("&amp;", "&");
    }

    private static String token(String url) {
        return URLDecoder.decode(url.substring(url.indexOf("token=") + 6), StandardCharsets.UTF_8);
    }

    private static void assertNear(Instant expected, Instant actual) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(Duration.ofMinutes(5)) < 0, actual + " vs " + expected);
    }

    /** Prints a received message as its customer sees it: the headers, then both parts. */
    static void print(String title, MimeMessage mail) throws Exception {
        StringBuilder b = new StringBuilder("──── ").append(title).append('\n');
        for (Header h : Collections.list(mail.getAllHeaders())) {
            b.append(h.getName()).append(": ").append(h.getValue()).append('\n');
        }
        b.append('\n').append(text(mail)).append("\n──── html\n").append(html(mail));
        System.out.println(b);
    }
}
