package dev.anchor.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.notification.Fixtures.MAPPER;
import static dev.anchor.notification.Fixtures.PUBLISHER;
import static dev.anchor.notification.Fixtures.WAIT;
import static dev.anchor.notification.Fixtures.as;
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
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** contact.events from the real broker: the summary of a contact goes to the customer only when they asked for it. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class ContactSummaryTest {

    /** A contact as contact-service carries it in data.contact. */
    static ObjectNode contact(UUID id, UUID customerId, UUID issueId, String summary, Boolean summaryRequested) {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("id", id.toString());
        c.put("customerId", customerId.toString());
        if (issueId != null) {
            c.put("issueId", issueId.toString());
        }
        c.put("channel", "phone");
        c.put("direction", "inbound");
        c.put("agentId", "agent.alice");
        c.put("occurredAt", "2026-11-23T10:15:00Z");
        c.put("durationSeconds", 300);
        if (summary != null) {
            c.put("summary", summary);
        }
        c.put("outcome", "follow_up");
        if (summaryRequested != null) {
            c.put("summaryRequested", summaryRequested);
        }
        c.put("version", 0);
        return c;
    }

    /** contact.logged about {@code contact}, checked against its published schema. */
    static ObjectNode logged(ObjectNode contact) {
        return Fixtures.contactLogged(contact);
    }

    static List<Map<String, Object>> notificationsOf(UUID customerId) {
        return as("system").queryParam("customerId", customerId).queryParam("size", 100).get("/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    @Test
    void aRequestedSummaryOfAContactAboutAnIssueIsEmailedWithTheNumberAndLink() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> { }));
        UUID issueId = UUID.randomUUID();
        String number = number();
        sendIssue(opened(issue(issueId, customerId, number, 1, "normal")));
        awaitNotifications(issueId, 1, "sent");
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);

        UUID contactId = UUID.randomUUID();
        ObjectNode event = logged(contact(contactId, customerId, issueId,
                "A technician visits on Thursday morning; please keep the receipt.", true));
        try (EventStream stream = EventStream.of("notification.events")) {
            PUBLISHER.send("contact.events", event);
            // a summary the customer asked for is not held back by the message that just went out about the issue
            List<Map<String, Object>> all = awaitNotifications(issueId, 2, "sent", "sent");
            Map<String, Object> summary = all.stream().filter(n -> "contact-summary".equals(n.get("template")))
                    .findFirst().orElseThrow();
            assertEquals("contact.logged", ((Map<?, ?>) summary.get("trigger")).get("type"));
            assertEquals(event.path("id").asText(), ((Map<?, ?>) summary.get("trigger")).get("eventId"));
            assertEquals("service", summary.get("category"));
            Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 2);
            MimeMessage mail = mailTo(email).get(1);
            // about an issue: in that issue's thread, under its subject
            assertEquals("Your issue " + number + ": Washing machine leaks", mail.getSubject());
            String received = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mail);
            assertThat(received, containsString("Summary of your phone contact on 23 Nov 2026, 10:15"));
            assertThat(received, containsString("A technician visits on Thursday morning; please keep the receipt."));
            assertThat(received, containsString("https://status.anchor.local/status/tok-" + number));
            List<JsonNode> events = stream.await((String) summary.get("id"), 1, WAIT);
            assertEquals("notification.sent", events.get(0).path("type").asText());
            EventSchemas.assertValid(events.get(0));
        }
        // delivered again: nothing more
        PUBLISHER.send("contact.events", event);
        UUID marker = UUID.randomUUID();
        PUBLISHER.send("contact.events", logged(contact(marker, customerId, null, "Marker.", true)).put("subject", contactId.toString()));
        Awaitility.await().atMost(WAIT).until(() -> notificationsOf(customerId).size() == 3);
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 3);
        Awaitility.await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> mailTo(email).size() == 3);
    }

    @Test
    void aSummaryWithoutAnIssueIsSentInTheCustomersLanguage() {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> p.put("language", "de-AT").put("timeZone", "Europe/Vienna")));
        PUBLISHER.send("contact.events", logged(contact(UUID.randomUUID(), customerId, null,
                "Wir schicken Ihnen das Formular per Post.", true)));
        Awaitility.await().atMost(WAIT).until(() -> notificationsOf(customerId).size() == 1
                && "sent".equals(notificationsOf(customerId).get(0).get("status")));
        Map<String, Object> n = notificationsOf(customerId).get(0);
        assertNull(n.get("issueId"));
        assertEquals("de", n.get("language"));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        MimeMessage mail = mailTo(email).get(0);
        assertEquals("Zusammenfassung Ihres Kontakts (Telefon) am 23.11.2026, 11:15", subject(mail));
        String received = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mail);
        assertThat(received, containsString("am 23.11.2026, 11:15"));
        assertThat(received, containsString("Wir schicken Ihnen das Formular per Post."));
        assertThat(received, not(containsString("status.anchor.local")));
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void noSummaryUnlessTheCustomerAskedForItAndAmendmentsSendNothing() {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> { }));
        UUID contactId = UUID.randomUUID();
        String key = contactId.toString();
        PUBLISHER.send("contact.events", logged(contact(contactId, customerId, null, "Not asked for.", false)));
        PUBLISHER.send("contact.events", logged(contact(UUID.randomUUID(), customerId, null, "Nobody said.", null))
                .put("subject", key));
        PUBLISHER.send("contact.events", logged(contact(UUID.randomUUID(), customerId, null, " ", true))
                .put("subject", key));
        ObjectNode amendment = MAPPER.createObjectNode().put("by", "agent.alice").put("at", "2026-11-23T11:00:00Z")
                .put("reason", "typo");
        amendment.putArray("fields").add("summary");
        PUBLISHER.send("contact.events", Fixtures.contactAmended(
                contact(contactId, customerId, null, "Corrected.", true).put("version", 1), amendment));
        // a requested summary after them, on the same key: once it is there, the earlier ones were consumed
        PUBLISHER.send("contact.events", logged(contact(UUID.randomUUID(), customerId, null, "Marker summary.", true))
                .put("subject", key));
        Awaitility.await().atMost(WAIT).until(() -> notificationsOf(customerId).size() == 1
                && "sent".equals(notificationsOf(customerId).get(0).get("status")));
        Awaitility.await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> notificationsOf(customerId).size() == 1);
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(mailTo(email).get(0)),
                containsString("Marker summary."));
    }
}
