package dev.anchor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.notification.Fixtures.MAPPER;
import static dev.anchor.notification.Fixtures.WAIT;
import static dev.anchor.notification.Fixtures.awaitNotifications;
import static dev.anchor.notification.Fixtures.customer;
import static dev.anchor.notification.Fixtures.issue;
import static dev.anchor.notification.Fixtures.mailTo;
import static dev.anchor.notification.Fixtures.number;
import static dev.anchor.notification.Fixtures.opened;
import static dev.anchor.notification.Fixtures.registered;
import static dev.anchor.notification.Fixtures.sendIssue;
import static dev.anchor.notification.Fixtures.uniqueEmail;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * An issue event that arrives before the customer's own event (customer.events behind issue.events): the message
 * waits for the customer, in the database, and is decided when they arrive — or suppressed when the wait is over.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class WaitingForCustomerTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void anIssueOpenedBeforeTheCustomerIsRegisteredIsSentOnceTheCustomerArrives() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        UUID issueId = UUID.randomUUID();
        String number = number();
        sendIssue(opened(issue(issueId, customerId, number, 1, "normal")));
        Map<String, Object> held = awaitNotifications(issueId, 1, "queued").get(0);
        assertEquals("awaiting-customer", held.get("reason"));
        Duration wait = Duration.between(Instant.now(), Instant.parse((String) held.get("dueAt")));
        assertThat(wait.toString(), wait.compareTo(Duration.ofMinutes(9)) > 0 && wait.compareTo(Duration.ofMinutes(11)) < 0);
        Awaitility.await().during(Duration.ofMillis(1200)).atMost(WAIT)
                .until(() -> "queued".equals(Fixtures.notifications(issueId).get(0).get("status")));
        assertEquals(0, mailTo(email).size());

        registered(customer(customerId, 1, email, null, p -> { }));
        Map<String, Object> sent = awaitNotifications(issueId, 1, "sent").get(0);
        assertEquals(held.get("id"), sent.get("id"));
        assertEquals("issue-opened", sent.get("template"));
        assertNull(sent.get("reason"));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        Awaitility.await().during(Duration.ofMillis(1000)).atMost(WAIT).until(() -> mailTo(email).size() == 1);
        String received = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mailTo(email).get(0));
        assertEquals("Your issue " + number + ": Washing machine leaks", mailTo(email).get(0).getSubject());
        assertThat(received, containsString("https://status.anchor.local/status/tok-" + number));
        assertNull(Replicas.value("select parts::text from notification where id = ?", UUID.fromString((String) sent.get("id"))));
    }

    @Test
    void aMessageWaitingForAnIdThatIsMergedIntoAnotherCustomerGoesToTheSurvivor() {
        UUID survivor = UUID.randomUUID();
        UUID retired = UUID.randomUUID();
        String survivorEmail = uniqueEmail();
        UUID issueId = UUID.randomUUID();
        sendIssue(opened(issue(issueId, retired, number(), 1, "normal")));
        assertEquals("awaiting-customer", awaitNotifications(issueId, 1, "queued").get(0).get("reason"));
        Fixtures.PUBLISHER.send("customer.events",
                Fixtures.mergedEvent(retired, customer(survivor, 3, survivorEmail, null, p -> { })));
        Map<String, Object> sent = awaitNotifications(issueId, 1, "sent").get(0);
        assertEquals(survivor.toString(), sent.get("customerId"));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(survivorEmail).size() == 1);
    }

    @Test
    void aMessageWaitingForACustomerWhoNeverArrivesIsSuppressedWhenTheWaitIsOver() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.pin(start);
        UUID issueId = UUID.randomUUID();
        try (EventStream stream = EventStream.of("notification.events")) {
            sendIssue(opened(issue(issueId, UUID.randomUUID(), number(), 1, "normal")));
            Map<String, Object> held = awaitNotifications(issueId, 1, "queued").get(0);
            assertEquals("awaiting-customer", held.get("reason"));
            assertEquals(start.plus(Duration.ofMinutes(10)), Instant.parse((String) held.get("dueAt")));

            clock.pin(start.plus(Duration.ofMinutes(9)));
            Awaitility.await().during(Duration.ofMillis(1200)).atMost(WAIT)
                    .until(() -> "queued".equals(Fixtures.notifications(issueId).get(0).get("status")));
            clock.pin(start.plus(Duration.ofMinutes(10)).plusSeconds(1));
            Map<String, Object> suppressed = awaitNotifications(issueId, 1, "suppressed").get(0);
            assertEquals("unknown-customer", suppressed.get("reason"));
            assertEquals(0, suppressed.get("attempts"));
            List<JsonNode> events = stream.await((String) held.get("id"), 1, WAIT);
            assertEquals("notification.suppressed", events.get(0).path("type").asText());
            assertEquals("unknown-customer", events.get(0).path("data").path("notification").path("reason").asText());
            EventSchemas.assertValid(events.get(0));
        }
    }

    @Test
    void aHeldMessageLeftInTheDatabaseBeforeARestartIsDecidedFromIt() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        UUID issueId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // what a previous process left behind: a message waiting for its customer, with the event it came from
        var part = MAPPER.createObjectNode();
        part.put("eventId", eventId.toString()).put("type", "issue.opened").put("template", "issue-opened")
                .put("urgent", false);
        part.set("issue", issue(issueId, customerId, "K7-HELD", 1, "normal"));
        part.putObject("change");
        Replicas.update("""
                insert into notification (id, customer_id, issue_id, trigger_event_id, trigger_type, category, status,
                  reason, template, attempts, due_at, created_at, parts)
                values (?, ?, ?, ?, 'issue.opened', 'critical', 'queued', 'awaiting-customer', 'issue-opened', 0, ?, ?,
                  ?::jsonb)""",
                UUID.randomUUID(), customerId, issueId, eventId, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5),
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), MAPPER.createArrayNode().add(part).toString());
        Awaitility.await().during(Duration.ofMillis(1200)).atMost(WAIT)
                .until(() -> "queued".equals(Fixtures.notifications(issueId).get(0).get("status")));
        registered(customer(customerId, 1, email, null, p -> p.put("language", "de")));
        Map<String, Object> sent = awaitNotifications(issueId, 1, "sent").get(0);
        assertEquals("de", sent.get("language"));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        assertEquals("Ihr Anliegen K7-HELD: Washing machine leaks", mailTo(email).get(0).getSubject());
    }

    @Test
    void aHeldMessageWhoseCustomerIsAlreadyKnownIsDecidedByTheNextRound() throws Exception {
        // the customer's event committed while the issue event was being decided: nobody else looks at the row again
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> { }));
        UUID issueId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        var part = MAPPER.createObjectNode();
        part.put("eventId", eventId.toString()).put("type", "issue.reopened").put("template", "issue-reopened")
                .put("urgent", false);
        part.set("issue", issue(issueId, customerId, "K7-RACE", 4, "normal"));
        part.putObject("change").put("reason", "Still leaking.");
        Replicas.update("""
                insert into notification (id, customer_id, issue_id, trigger_event_id, trigger_type, category, status,
                  reason, template, attempts, due_at, created_at, parts)
                values (?, ?, ?, ?, 'issue.reopened', 'service', 'queued', 'awaiting-customer', 'issue-reopened', 0, ?, ?,
                  ?::jsonb)""",
                UUID.randomUUID(), customerId, issueId, eventId, OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(5),
                OffsetDateTime.now(ZoneOffset.UTC), MAPPER.createArrayNode().add(part).toString());
        awaitNotifications(issueId, 1, "sent");
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        assertEquals("Your issue K7-RACE: Washing machine leaks", mailTo(email).get(0).getSubject());
    }
}
