package dev.anchor.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.notification.Fixtures.MAPPER;
import static dev.anchor.notification.Fixtures.WAIT;
import static dev.anchor.notification.Fixtures.awaitNotifications;
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
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** issue.status-link-issued from the real broker: a link the customer asked for goes to them at once, alone, once. */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class StatusLinkMessageTest {

    @Inject
    TestClock clock;

    @AfterEach
    void release() {
        clock.release();
    }

    static ObjectNode linkIssued(ObjectNode issue, String url, String requestedBy) {
        return issueEvent("issue.status-link-issued", issue, MAPPER.createObjectNode()
                .put("statusUrl", url).put("requestedBy", requestedBy));
    }

    static String replicaLink(UUID issueId) throws Exception {
        return Replicas.value("select status_url from issue_replica where id = ?", issueId);
    }

    @Test
    void aLinkTheCustomerAskedForGoesAtOnceInTheirLanguageEvenAtNightAndOnlyOnce() throws Exception {
        // 23:30 in Berlin: inside the customer's quiet hours, and just after the opening message went out
        clock.pin(Instant.parse("2026-11-24T22:30:00Z"));
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> {
            p.put("language", "de");
            p.put("timeZone", "Europe/Berlin");
            ((ObjectNode) p.path("quietHours")).put("start", "22:00").put("end", "07:00");
        }));
        UUID issueId = UUID.randomUUID();
        String number = number();
        ObjectNode issue = issue(issueId, customerId, number, 1, "normal");
        sendIssue(opened(issue));
        // the opening is held for the morning; the link asked for does not wait for it, nor join it
        awaitNotifications(issueId, 1, "queued");

        String fresh = "https://status.anchor.local/status/fresh-" + number;
        ObjectNode asked = linkIssued(issue, fresh, "customer");
        sendIssue(asked);
        sendIssue(asked); // delivered twice: told once
        List<Map<String, Object>> all = awaitNotifications(issueId, 2, "queued", "sent");
        Map<String, Object> link = all.stream().filter(n -> "status-link".equals(n.get("template"))).findFirst()
                .orElseThrow();
        assertEquals("sent", link.get("status"));
        assertEquals("critical", link.get("category"));
        assertEquals(asked.path("id").asText(), ((Map<?, ?>) link.get("trigger")).get("eventId"));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        MimeMessage mail = mailTo(email).get(0);
        assertEquals("Ihr Anliegen " + number + ": Washing machine leaks", mail.getSubject());
        String received = MessageContentTest.text(mail);
        System.out.println("──── the new link, as the customer reads it\n" + received);
        assertThat(received, containsString("Sie haben uns um einen neuen Link zu Ihrem Anliegen " + number));
        assertThat(received, containsString(fresh));
        assertThat(received, not(containsString("/status/tok-" + number)));
        // the link messages carry from now on
        assertEquals(fresh, replicaLink(issueId));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> notifications(issueId).size() == 2
                && mailTo(email).size() == 1);
    }

    @Test
    void theAcknowledgementOfAnEmailSheWroteGoesAtNightAnOpeningByStaffWaitsForTheMorning() throws Exception {
        // 23:30 in Berlin, inside her quiet hours: she wrote to the organisation's address a minute ago
        clock.pin(Instant.parse("2026-11-24T22:30:00Z"));
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> {
            p.put("timeZone", "Europe/Berlin");
            ((ObjectNode) p.path("quietHours")).put("start", "22:00").put("end", "07:00");
        }));
        ObjectNode byStaff = opened(issue(UUID.randomUUID(), customerId, number(), 1, "normal"));
        sendIssue(byStaff);
        UUID askedId = UUID.randomUUID();
        ObjectNode asked = opened(issue(askedId, customerId, number(), 1, "normal"));
        ((ObjectNode) asked.path("data").path("change")).put("fromContactId", UUID.randomUUID().toString());
        ((ObjectNode) asked.path("data")).putObject("actor").put("role", "customer").put("displayName", "Ada Lovelace")
                .put("channel", "email");
        sendIssue(asked);
        assertEquals("sent", awaitNotifications(askedId, 1, "sent").getFirst().get("status"));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        assertEquals("queued", awaitNotifications(UUID.fromString(byStaff.path("subject").asText()), 1, "queued")
                .getFirst().get("status"), "an opening by staff waits for the morning");
    }

    @Test
    void aLinkStaffIssuedIsCarriedByLaterMessagesButNotSentByItself() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = uniqueEmail();
        registered(customer(customerId, 1, email, null, p -> { }));
        UUID issueId = UUID.randomUUID();
        String number = number();
        ObjectNode issue = issue(issueId, customerId, number, 1, "normal");
        sendIssue(opened(issue));
        awaitNotifications(issueId, 1, "sent");

        String handedOver = "https://status.anchor.local/status/staff-" + number;
        sendIssue(linkIssued(issue, handedOver, "staff"));
        Awaitility.await().atMost(WAIT).until(() -> handedOver.equals(replicaLink(issueId)));
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(WAIT)
                .until(() -> notifications(issueId).size() == 1 && mailTo(email).size() == 1);
    }
}
