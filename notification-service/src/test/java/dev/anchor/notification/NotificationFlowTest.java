package dev.anchor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Customer and issue events arrive over the real broker; email reaches GreenMail, SMS reaches the WireMock provider. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class NotificationFlowTest {

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
    void openingAnIssueEmailsTheNumberAndLinkAndPublishesSent() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> { }));
        UUID issueId = UUID.randomUUID();
        String number = number();
        try (EventStream stream = EventStream.of("notification.events")) {
            sendIssue(opened(issue(issueId, customerId, number, 1, "normal")));
            List<Map<String, Object>> sent = awaitNotifications(issueId, 1, "sent");
            assertEquals("email", sent.get(0).get("channel"));
            assertEquals("issue-opened", sent.get(0).get("template"));
            assertEquals(customerId.toString(), sent.get(0).get("customerId"));

            Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
            MimeMessage mail = mailTo(email).get(0);
            assertEquals("Your issue " + number + ": Washing machine leaks", mail.getSubject());
            assertEquals(email, mail.getAllRecipients()[0].toString());
            String link = "https://status.anchor.local/status/tok-" + number;
            MimeMultipart parts = (MimeMultipart) mail.getContent();
            String text = null;
            String html = null;
            for (BodyPart part : allParts(parts)) {
                if (part.isMimeType("text/plain")) {
                    text = part.getContent().toString();
                } else if (part.isMimeType("text/html")) {
                    html = part.getContent().toString();
                }
            }
            assertThat(text, containsString("Hello Ada Lovelace"));
            assertThat(text, containsString(number));
            assertThat(text, containsString(link));
            assertThat(html, containsString("<a href=\"" + link + "\""));
            assertThat(html, containsString(number));

            String id = (String) sent.get(0).get("id");
            List<JsonNode> events = stream.await(id, 1, WAIT);
            assertEquals("notification.sent", events.get(0).path("type").asText());
            EventSchemas.assertValid(events.get(0));
            JsonNode n = events.get(0).path("data").path("notification");
            assertEquals(issueId.toString(), n.path("issueId").asText());
            assertEquals("issue.opened", n.path("trigger").path("type").asText());
            assertThat(events.get(0).toString(), not(containsString(email)));
        }
    }

    private static List<BodyPart> allParts(MimeMultipart multipart) throws Exception {
        List<BodyPart> parts = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof MimeMultipart nested) {
                parts.addAll(allParts(nested));
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    @Test
    void aCustomerWhoPrefersSmsGetsOneTextWithNumberAndLinkInGerman() {
        UUID customerId = UUID.randomUUID();
        String phone = uniquePhone();
        registered(customer(customerId, 3, uniqueEmail(), phone, p -> p.put("preferredChannel", "sms").put("language", "de-AT")));
        UUID issueId = UUID.randomUUID();
        String number = number();
        sendIssue(opened(issue(issueId, customerId, number, 1, "normal")));
        List<Map<String, Object>> sent = awaitNotifications(issueId, 1, "sent");
        assertEquals("sms", sent.get(0).get("channel"));
        assertEquals("de", sent.get(0).get("language"));
        List<LoggedRequest> requests = SmsProvider.server.findAll(postRequestedFor(urlEqualTo("/messages"))
                .withRequestBody(matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(phone))));
        assertEquals(1, requests.size());
        JsonNode body = read(requests.get(0).getBodyAsString());
        assertThat(body.path("text").asText(), containsString("Anliegen " + number));
        assertThat(body.path("text").asText(), containsString("https://status.anchor.local/status/tok-" + number));
        assertEquals(sent.get(0).get("id"), body.path("reference").asText());
        assertEquals("Anchor", body.path("from").asText());
    }

    @Test
    void aChangedAddressIsUsedForTheVeryNextMessageAndAnOlderStateIsIgnored() {
        UUID customerId = UUID.randomUUID();
        String old = uniqueEmail();
        String moved = uniqueEmail();
        registered(customer(customerId, 1, old, null, p -> { }));
        Fixtures.publishCustomer("customer.updated", customer(customerId, 2, moved, null, p -> { }));
        Fixtures.awaitReplica(customerId, 2);
        // a late, older state arrives after the newer one: ignored
        Fixtures.publishCustomer("customer.updated", customer(customerId, 1, old, null, p -> { }));
        UUID issueId = UUID.randomUUID();
        sendIssue(opened(issue(issueId, customerId, number(), 1, "normal")));
        awaitNotifications(issueId, 1, "sent");
        Awaitility.await().atMost(WAIT).until(() -> mailTo(moved).size() == 1);
        assertEquals(0, mailTo(old).size());
    }

    @Test
    void serviceMessagesNeedConsentButCriticalOnesAlwaysGo() {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null,
                p -> ((ObjectNode) p.path("consent")).put("service", false)));
        UUID issueId = UUID.randomUUID();
        ObjectNode issue = issue(issueId, customerId, number(), 1, "normal");
        sendIssue(opened(issue));
        awaitNotifications(issueId, 1, "sent");
        ObjectNode later = issue.deepCopy().put("version", 2);
        sendIssue(issueEvent("issue.action-taken", later, change(Map.of("actionId", UUID.randomUUID().toString(),
                "kind", "refund", "amount", 49.90, "currency", "EUR"))));
        List<Map<String, Object>> all = awaitNotifications(issueId, 2, "sent", "suppressed");
        Map<String, Object> suppressed = all.stream().filter(n -> "suppressed".equals(n.get("status"))).findFirst().orElseThrow();
        assertEquals("no-consent:service", suppressed.get("reason"));
        assertEquals(1, mailTo(email).size());
    }

    @Test
    void internalCommentsAndTheCustomersOwnCommentsNeverNotify() {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> { }));
        UUID issueId = UUID.randomUUID();
        ObjectNode issue = issue(issueId, customerId, number(), 5, "normal");
        sendIssue(issueEvent("issue.commented", issue, change(Map.of("commentId", UUID.randomUUID().toString(), "visibility", "internal",
                "author", Map.of("role", "agent", "id", "agent.alice", "displayName", "Alice"), "text", "secret note"))));
        sendIssue(issueEvent("issue.commented", issue.deepCopy().put("version", 6), change(Map.of("commentId", UUID.randomUUID().toString(),
                "visibility", "public", "author", Map.of("role", "customer", "id", customerId.toString(),
                        "displayName", "Ada"), "text", "my own words"))));
        // a public comment from an agent after them does notify: once it is there, the earlier two were decided
        sendIssue(issueEvent("issue.commented", issue.deepCopy().put("version", 7), change(Map.of("commentId", UUID.randomUUID().toString(),
                "visibility", "public", "author", Map.of("role", "agent", "id", "agent.alice", "displayName", "Alice"),
                "text", "The part ships tomorrow."))));
        List<Map<String, Object>> all = awaitNotifications(issueId, 1, "sent");
        assertEquals("comment", all.get(0).get("template"));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        String received = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mailTo(email).get(0));
        assertThat(received, containsString("The part ships tomorrow."));
        assertThat(received, not(containsString("secret note")));
        assertThat(received, not(containsString("my own words")));
    }

    @Test
    void fallsBackToTheOtherChannelOnlyWhenAllowed() {
        UUID allowed = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(allowed, 1, email, null, p -> p.put("preferredChannel", "sms").put("fallbackAllowed", true)));
        UUID notAllowed = UUID.randomUUID();
        registered(customer(notAllowed, 1, uniqueEmail(), null, p -> p.put("preferredChannel", "sms")));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        sendIssue(opened(issue(first, allowed, number(), 1, "normal")));
        sendIssue(opened(issue(second, notAllowed, number(), 1, "normal")));
        assertEquals("email", awaitNotifications(first, 1, "sent").get(0).get("channel"));
        Map<String, Object> suppressed = awaitNotifications(second, 1, "suppressed").get(0);
        assertEquals("no-address:sms", suppressed.get("reason"));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
    }

    @Test
    void aRedeliveredEventSendsNothingTwice() {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> { }));
        UUID issueId = UUID.randomUUID();
        ObjectNode event = opened(issue(issueId, customerId, number(), 1, "normal"));
        sendIssue(event);
        sendIssue(event);
        awaitNotifications(issueId, 1, "sent");
        // a later event proves both deliveries of the first were consumed
        UUID marker = UUID.randomUUID();
        sendIssue(opened(issue(marker, customerId, number(), 1, "normal")));
        awaitNotifications(marker, 1, "sent");
        assertEquals(1, notifications(issueId).size());
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 2);
    }

    @Test
    void theFirstOwnerNamedByTheOpeningMessageIsNotToldAgainButAnotherFirstOwnerIs() {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> { }));
        // opened with Alice as owner (the agent took it), then her issue.assigned: the opening email named her already
        UUID taken = UUID.randomUUID();
        ObjectNode issue = issue(taken, customerId, number(), 1, "normal");
        sendIssue(opened(issue));
        sendIssue(issueEvent("issue.assigned", issue.deepCopy().put("version", 2),
                change(Map.of("owner", Map.of("id", "agent.alice", "displayName", "Alice")))));
        List<Map<String, Object>> decided = awaitNotifications(taken, 2, "sent", "suppressed");
        Map<String, Object> assigned = decided.stream().filter(n -> "suppressed".equals(n.get("status"))).findFirst().orElseThrow();
        assertEquals("issue.assigned", ((Map<?, ?>) assigned.get("trigger")).get("type"));
        assertEquals("nothing-new", assigned.get("reason"));
        assertEquals("email", assigned.get("channel"));

        // opened unowned, then taken by Bob: that is news, and it is not lost (held for the window after the opening)
        UUID unowned = UUID.randomUUID();
        ObjectNode open = issue(unowned, customerId, number(), 1, "normal");
        open.remove("owner");
        sendIssue(opened(open));
        sendIssue(issueEvent("issue.assigned", open.deepCopy().put("version", 2),
                change(Map.of("owner", Map.of("id", "agent.bob", "displayName", "Bob")))));
        List<Map<String, Object>> told = awaitNotifications(unowned, 2);
        assertTrue(told.stream().noneMatch(n -> "nothing-new".equals(n.get("reason"))), told.toString());
    }

    /** An email customer's issue whose opening email went out at {@code start} (the clock pinned there). */
    private record Emailed(String email, UUID issueId, String number, ObjectNode issue) {
    }

    private Emailed openedAndEmailed(Instant start) {
        clock.pin(start);
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> { }));
        UUID issueId = UUID.randomUUID();
        String number = number();
        ObjectNode issue = issue(issueId, customerId, number, 1, "normal");
        sendIssue(opened(issue));
        awaitNotifications(issueId, 1, "sent");
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        return new Emailed(email, issueId, number, issue);
    }

    @Test
    void changesWithinTheWindowAfterAMessageWentOutFollowAsOneDigestAndNothingTwice() throws Exception {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Emailed opened = openedAndEmailed(start);
        String email = opened.email();
        UUID issueId = opened.issueId();
        String number = opened.number();
        ObjectNode issue = opened.issue();

        // five seconds later a handoff, then the next action: neither may be lost, neither goes out now
        clock.pin(start.plusSeconds(5));
        ObjectNode assigned = issueEvent("issue.assigned", issue.deepCopy().put("version", 2), change(Map.of(
                "owner", Map.of("id", "agent.bob", "displayName", "Bob Builder"),
                "previousOwner", Map.of("id", "agent.alice", "displayName", "Alice"),
                "introduction", "Bob knows these machines.")));
        ObjectNode nextAction = issueEvent("issue.next-action-set", issue.deepCopy().put("version", 3),
                change(Map.of("what", "a photo of the label", "who", "customer", "dueAt", "2026-11-30T12:00:00Z")));
        try (EventStream stream = EventStream.of("notification.events")) {
            sendIssue(assigned);
            sendIssue(nextAction);
            List<Map<String, Object>> all = awaitNotifications(issueId, 3, "sent", "suppressed", "queued");
            Map<String, Object> digest = all.stream().filter(n -> "queued".equals(n.get("status"))).findFirst().orElseThrow();
            Map<String, Object> absorbed = all.stream().filter(n -> "suppressed".equals(n.get("status"))).findFirst().orElseThrow();
            assertEquals("coalesced", absorbed.get("reason"));
            assertEquals("issue.assigned", ((Map<?, ?>) absorbed.get("trigger")).get("type"));
            assertEquals("coalescing", digest.get("reason"));
            assertEquals("digest", digest.get("template"));
            assertEquals("issue.next-action-set", ((Map<?, ?>) digest.get("trigger")).get("type"));
            assertEquals("service", digest.get("category"));
            assertEquals(start.plus(Duration.ofMinutes(2)), Instant.parse((String) digest.get("dueAt")));
            List<JsonNode> events = stream.await((String) absorbed.get("id"), 1, WAIT);
            assertEquals("notification.suppressed", events.get(0).path("type").asText());
            EventSchemas.assertValid(events.get(0));

            Awaitility.await().during(Duration.ofMillis(1500)).atMost(WAIT).until(() -> mailTo(email).size() == 1);

            clock.pin(start.plus(Duration.ofMinutes(2)).plusSeconds(1));
            all = awaitNotifications(issueId, 3, "sent", "suppressed", "sent");
            Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 2);
            MimeMessage mail = mailTo(email).get(1);
            assertEquals("Your issue " + number + ": Washing machine leaks", mail.getSubject());
            String received = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mail);
            assertThat(received, containsString("What is new on issue " + number));
            assertThat(received, containsString("Bob Builder now looks after your issue"));
            assertThat(received, containsString("Next step for you: a photo of the label (by 30 Nov 2026, 12:00)."));
            // in the order they happened
            assertThat(received.indexOf("Bob Builder now looks after your issue"), lessThanOrEqualTo(received.indexOf("a photo of the label")));
            assertThat(received, containsString("https://status.anchor.local/status/tok-" + number));
            List<JsonNode> sent = stream.await((String) digest.get("id"), 1, WAIT);
            assertEquals("notification.sent", sent.get(0).path("type").asText());
            EventSchemas.assertValid(sent.get(0));
        }

        // the same events delivered again change nothing; a later event on the issue proves they were consumed
        sendIssue(assigned);
        sendIssue(nextAction);
        sendIssue(issueEvent("issue.closed", issue.deepCopy().put("version", 4).put("status", "closed"),
                change(Map.of("by", "owner"))));
        awaitNotifications(issueId, 4, "sent", "suppressed", "sent", "sent");
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 3);
        // every message of the issue under one subject
        assertEquals("Your issue " + number + ": Washing machine leaks", mailTo(email).get(2).getSubject());
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mailTo(email).get(2)),
                containsString("Issue " + number + " is closed"));
    }

    @Test
    void aCriticalChangeGoesAtOnceAndTakesAWaitingDigestWithIt() throws Exception {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.pin(start);
        UUID customerId = UUID.randomUUID();
        String phone = uniquePhone();
        registered(customer(customerId, 1, null, phone, p -> p.put("preferredChannel", "sms").put("language", "de")));
        UUID issueId = UUID.randomUUID();
        String number = number();
        ObjectNode issue = issue(issueId, customerId, number, 1, "normal");
        sendIssue(opened(issue));
        awaitNotifications(issueId, 1, "sent");
        clock.pin(start.plusSeconds(10));
        sendIssue(issueEvent("issue.action-taken", issue.deepCopy().put("version", 2), change(Map.of(
                "actionId", UUID.randomUUID().toString(), "kind", "repair_done"))));
        Map<String, Object> waiting = awaitNotifications(issueId, 2, "sent", "queued").stream()
                .filter(n -> "queued".equals(n.get("status"))).findFirst().orElseThrow();
        assertEquals("coalescing", waiting.get("reason"));
        assertEquals("action-taken", waiting.get("template"));

        sendIssue(issueEvent("issue.status-changed", issue.deepCopy().put("version", 3).put("status", "resolved"),
                change(Map.of("from", "in_progress", "to", "resolved"))));
        List<Map<String, Object>> all = awaitNotifications(issueId, 3, "sent", "suppressed", "sent");
        Map<String, Object> digest = all.stream().filter(n -> "issue.status-changed".equals(
                ((Map<?, ?>) n.get("trigger")).get("type"))).findFirst().orElseThrow();
        assertEquals("digest", digest.get("template"));
        assertEquals("critical", digest.get("category"));
        assertEquals("coalesced", all.stream().filter(n -> n.get("id").equals(waiting.get("id"))).findFirst()
                .orElseThrow().get("reason"));
        List<LoggedRequest> texts = SmsProvider.server.findAll(postRequestedFor(urlEqualTo("/messages"))
                .withRequestBody(matchingJsonPath("$.to", com.github.tomakehurst.wiremock.client.WireMock.equalTo(phone))));
        assertEquals(2, texts.size());
        String sms = read(texts.get(1).getBodyAsString()).path("text").asText();
        // the digest in the customer's language: each change's short line, the link kept
        assertThat(sms, containsString("Anliegen " + number + ": Die Reparatur ist abgeschlossen. Wir denken, es ist gelöst."));
        assertThat(sms, containsString("https://status.anchor.local/status/tok-" + number));
        assertThat(dev.anchor.notification.domain.SmsSegments.count(sms).segments(), lessThanOrEqualTo(2));
    }

    @Test
    void aDigestWithACriticalChangeLeadsWithIt() throws Exception {
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Emailed opened = openedAndEmailed(start);
        String email = opened.email();
        UUID issueId = opened.issueId();
        String number = opened.number();
        ObjectNode issue = opened.issue();
        clock.pin(start.plusSeconds(10));
        sendIssue(issueEvent("issue.action-taken", issue.deepCopy().put("version", 2), change(Map.of(
                "actionId", UUID.randomUUID().toString(), "kind", "repair_done"))));
        awaitNotifications(issueId, 2, "sent", "queued");
        sendIssue(issueEvent("issue.status-changed", issue.deepCopy().put("version", 3).put("status", "resolved"),
                change(Map.of("from", "in_progress", "to", "resolved"))));
        awaitNotifications(issueId, 3, "sent", "suppressed", "sent");
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 2);
        MimeMessage mail = mailTo(email).get(1);
        assertEquals("Your issue " + number + ": Washing machine leaks", mail.getSubject());
        String received = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mail);
        assertThat(received, containsString("The repair is done"));
        assertThat(received, containsString("We believe issue " + number + " is resolved"));
    }

    @Test
    void aDigestThatBecomesDueAtNightWaitsForTheMorning() {
        // 20:59:30 UTC; the customer's quiet hours are 21:00–08:00 UTC, the window ends at 21:01:30
        Instant start = Instant.parse("2026-11-25T20:59:30Z");
        clock.pin(start);
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, uniqueEmail(), null,
                p -> ((ObjectNode) p.path("quietHours")).put("start", "21:00").put("end", "08:00")));
        UUID issueId = UUID.randomUUID();
        ObjectNode issue = issue(issueId, customerId, number(), 1, "normal");
        sendIssue(opened(issue));
        awaitNotifications(issueId, 1, "sent");
        clock.pin(start.plusSeconds(10));
        sendIssue(issueEvent("issue.commented", issue.deepCopy().put("version", 2), change(Map.of(
                "commentId", UUID.randomUUID().toString(), "visibility", "public",
                "author", Map.of("role", "agent", "id", "agent.alice", "displayName", "Alice"), "text", "On it."))));
        Map<String, Object> held = awaitNotifications(issueId, 2, "sent", "queued").stream()
                .filter(n -> "queued".equals(n.get("status"))).findFirst().orElseThrow();
        assertEquals("quiet-hours", held.get("reason"));
        assertEquals(Instant.parse("2026-11-26T08:00:00Z"), Instant.parse((String) held.get("dueAt")));
    }

    @Test
    void aReopenedIssueIsToldToTheCustomer() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> { }));
        UUID issueId = UUID.randomUUID();
        String number = number();
        sendIssue(issueEvent("issue.reopened", issue(issueId, customerId, number, 7, "normal"),
                change(Map.of("reason", "The leak is back.", "by", "customer"))));
        Map<String, Object> sent = awaitNotifications(issueId, 1, "sent").get(0);
        assertEquals("issue-reopened", sent.get("template"));
        assertEquals("service", sent.get("category"));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        assertEquals("Your issue " + number + ": Washing machine leaks", mailTo(email).get(0).getSubject());
        String received = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mailTo(email).get(0));
        assertThat(received, containsString("You told us it is not fixed, so we are working on issue " + number + " again"));
        assertThat(received, containsString("You wrote: \"The leak is back.\""));
    }

    @Test
    void quietHoursHoldNonUrgentMessagesUntilMorningInTheCustomersZone() {
        // 02:00 in Berlin (01:00 UTC); the customer's quiet hours are 22:00–07:00
        clock.pin(Instant.parse("2026-11-24T01:00:00Z"));
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> {
            p.put("timeZone", "Europe/Berlin");
            ((ObjectNode) p.path("quietHours")).put("start", "22:00").put("end", "07:00");
        }));
        UUID quiet = UUID.randomUUID();
        UUID urgent = UUID.randomUUID();
        sendIssue(opened(issue(quiet, customerId, number(), 1, "normal")));
        sendIssue(opened(issue(urgent, customerId, number(), 1, "urgent")));
        Map<String, Object> held = awaitNotifications(quiet, 1, "queued").get(0);
        assertEquals("2026-11-24T06:00:00Z", held.get("dueAt"));
        assertEquals("quiet-hours", held.get("reason"));
        awaitNotifications(urgent, 1, "sent");
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);

        clock.pin(Instant.parse("2026-11-24T05:59:00Z"));
        Awaitility.await().during(Duration.ofMillis(600)).atMost(WAIT)
                .until(() -> "queued".equals(notifications(quiet).get(0).get("status")));
        clock.pin(Instant.parse("2026-11-24T06:00:01Z"));
        awaitNotifications(quiet, 1, "sent");
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 2);
    }

    @Test
    void aMergedCustomerIsReachedThroughTheSurvivor() {
        UUID survivor = UUID.randomUUID();
        UUID retired = UUID.randomUUID();
        String survivorEmail = uniqueEmail();
        String retiredEmail = uniqueEmail();
        registered(customer(survivor, 1, survivorEmail, null, p -> { }));
        registered(customer(retired, 1, retiredEmail, null, p -> { }));
        Fixtures.PUBLISHER.send("customer.events",
                Fixtures.mergedEvent(retired, customer(survivor, 2, survivorEmail, null, p -> { })));
        Fixtures.awaitReplica(survivor, 2);
        UUID issueId = UUID.randomUUID();
        sendIssue(opened(issue(issueId, retired, number(), 1, "normal")));
        Map<String, Object> sent = awaitNotifications(issueId, 1, "sent").get(0);
        assertEquals(survivor.toString(), sent.get("customerId"));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(survivorEmail).size() == 1);
        assertEquals(0, mailTo(retiredEmail).size());
    }

    @Test
    void anErasedCustomerLosesTheirDataAndGetsNothing() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> { }));
        UUID issueId = UUID.randomUUID();
        sendIssue(opened(issue(issueId, customerId, number(), 1, "normal")));
        awaitNotifications(issueId, 1, "sent");
        Fixtures.PUBLISHER.send("customer.events", Fixtures.erasedEvent(customerId));
        Awaitility.await().atMost(WAIT).until(() -> "erased".equals(
                Replicas.value("select status from customer_contact where id = ?", customerId)));
        assertNull(Replicas.value("select email from customer_contact where id = ?", customerId));
        assertNull(Replicas.value("select coalesce(recipient, body_text) from notification where issue_id = ?", issueId));
        assertNull(Replicas.value("select coalesce(subject, summary) from notification where issue_id = ?", issueId),
                "the rendered subject and summary quote the issue: they go with the customer");
        List<Map<String, Object>> told = Fixtures.notifications(issueId);
        assertEquals(1, told.size());
        assertNull(told.get(0).get("summary"), "GET /notifications quotes nothing of an erased customer's issue");
        assertNull(told.get(0).get("subject"));
        // a late update cannot bring the data back
        Fixtures.publishCustomer("customer.updated", customer(customerId, 9, email, null, p -> { }));
        UUID next = UUID.randomUUID();
        sendIssue(opened(issue(next, customerId, number(), 1, "normal")));
        assertEquals("customer-erased", awaitNotifications(next, 1, "suppressed").get(0).get("reason"));
        assertNull(Replicas.value("select email from customer_contact where id = ?", customerId));
        assertThat(mailTo(email).size(), lessThanOrEqualTo(1));
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
