package dev.anchor.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.events.CloudEvent;
import dev.anchor.blocks.testing.PersonalTextSearch;
import dev.anchor.notification.api.CallbackResource;
import dev.anchor.notification.domain.CustomerReplication;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.notification.Fixtures.MAPPER;
import static dev.anchor.notification.Fixtures.PUBLISHER;
import static dev.anchor.notification.Fixtures.WAIT;
import static dev.anchor.notification.Fixtures.awaitNotifications;
import static dev.anchor.notification.Fixtures.erasedEvent;
import static dev.anchor.notification.Fixtures.exportRequested;
import static dev.anchor.notification.Fixtures.awaitApplied;
import static dev.anchor.notification.Fixtures.change;
import static dev.anchor.notification.Fixtures.customer;
import static dev.anchor.notification.Fixtures.issue;
import static dev.anchor.notification.Fixtures.issueEvent;
import static dev.anchor.notification.Fixtures.number;
import static dev.anchor.notification.Fixtures.registered;
import static dev.anchor.notification.Fixtures.sendIssue;
import static dev.anchor.notification.Fixtures.uniquePhone;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A unique marker written into every piece of personal text notification-service can hold for a customer is found in
 * no column of its schema once the customer is erased ({@link PersonalTextSearch}) — the outbox and the inbox
 * included — and events or provider reports arriving after the erasure, or while it runs, write none back.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class PersonalTextErasureTest {

    @Inject
    AgroalDataSource db;
    @Inject
    CustomerReplication replication;
    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void providerAccepts() {
        Fixtures.smsProviderAccepts();
    }

    @Test
    void noColumnHoldsTheCustomersTextAfterErasure() throws Exception {
        String marker = marker();
        UUID emailCustomer = UUID.randomUUID();
        UUID smsCustomer = UUID.randomUUID();
        UUID unknownCustomer = UUID.randomUUID();
        String email = marker + "@example.com";
        registered(named(customer(emailCustomer, 1, email, uniquePhone(), p -> { }), marker));
        registered(named(customer(smsCustomer, 1, null, uniquePhone(), p -> p.put("preferredChannel", "sms")), marker));

        // an email about an issue (title, status link), then a comment and a next action held as one digest
        UUID issueId = UUID.randomUUID();
        String issueNumber = number();
        sendIssue(opened(issue(issueId, emailCustomer, issueNumber, 1, "normal"), marker));
        String openedId = (String) awaitNotifications(issueId, 1, "sent").get(0).get("id");
        PUBLISHER.send("contact.events", logged(emailCustomer, issueId, "You called about " + marker, true));
        awaitNotifications(issueId, 2, "sent", "sent");
        sendIssue(issueEvent("issue.commented", titled(issue(issueId, emailCustomer, issueNumber, 2, "normal"), marker),
                change(Map.of("commentId", UUID.randomUUID().toString(), "visibility", "public",
                        "author", Map.of("role", "agent", "id", "agent.alice", "displayName", "Alice"),
                        "text", marker + " comment"))));
        sendIssue(issueEvent("issue.next-action-set", titled(issue(issueId, emailCustomer, issueNumber, 3, "normal"), marker),
                change(Map.of("what", marker + " photo of the label", "who", "customer",
                        "dueAt", "2026-11-30T17:00:00Z"))));
        awaitNotifications(issueId, 4, "sent", "sent", "suppressed", "queued");
        // the provider reports: the mailbox bounced (address suppressed), the SMS failed in its own words
        signed("/callbacks/email", "{\"address\": \"" + email + "\", \"type\": \"hard-bounce\", \"reference\": \""
                + openedId + "\"}").then().statusCode(204);
        UUID smsIssue = UUID.randomUUID();
        sendIssue(opened(issue(smsIssue, smsCustomer, number(), 1, "normal"), marker));
        String smsId = (String) awaitNotifications(smsIssue, 1, "sent").get(0).get("id");
        signed("/callbacks/sms", "{\"id\": \"sms-" + smsId + "\", \"reference\": \"" + smsId
                + "\", \"status\": \"failed\", \"error\": \"handset " + marker + " unreachable\"}").then().statusCode(204);
        // a message held for a customer not known yet keeps the event it tells
        UUID heldIssue = UUID.randomUUID();
        sendIssue(opened(issue(heldIssue, unknownCustomer, number(), 1, "normal"), marker));
        awaitNotifications(heldIssue, 1, "queued");
        // an export part waiting in the outbox holds the customer's text too
        ObjectNode export = exportRequested(emailCustomer, UUID.randomUUID().toString());
        PUBLISHER.send("customer.events", export);
        awaitApplied(export);

        List<String> before = PersonalTextSearch.columnsHolding(db, marker);
        for (String column : List.of("customer_contact.display_name", "customer_contact.email", "issue_replica.title",
                "issue_replica.status_url", "notification.reason", "notification.summary",
                "notification.body_text", "notification.body_html", "notification.sms_text", "notification.recipient",
                "notification.parts", "address_suppression.address")) {
            assertTrue(before.stream().anyMatch(found -> found.startsWith(column + " ")),
                    "the test writes the marker into " + column + ": " + before);
        }

        ObjectNode erased = erasedEvent(emailCustomer, unknownCustomer);
        ObjectNode erasedToo = erasedEvent(smsCustomer);
        PUBLISHER.send("customer.events", erased);
        PUBLISHER.send("customer.events", erasedToo);
        awaitApplied(erased);
        awaitApplied(erasedToo);

        // the relay deletes what it sent: then nothing anywhere holds the marker
        Awaitility.await().atMost(WAIT).until(() -> "0".equals(Replicas.value("select count(*) from outbox_message")));
        assertEquals(List.of(), PersonalTextSearch.columnsHolding(db, marker));
        assertEquals("suppressed", Replicas.value("select status from notification where issue_id = ? and status = 'suppressed'"
                + " and reason = 'customer-erased'", heldIssue));
    }

    @Test
    void eventsAndReportsAfterTheErasureWriteNothingPersonal() throws Exception {
        String marker = marker();
        UUID customerId = UUID.randomUUID();
        String phone = uniquePhone();
        registered(customer(customerId, 1, "ada." + UUID.randomUUID().toString().substring(0, 8) + "@example.com", phone,
                p -> p.put("preferredChannel", "sms")));
        UUID issueId = UUID.randomUUID();
        String issueNumber = number();
        sendIssue(opened(issue(issueId, customerId, issueNumber, 1, "normal"), "before"));
        String smsId = (String) awaitNotifications(issueId, 1, "sent").get(0).get("id");
        ObjectNode erased = erasedEvent(customerId);
        PUBLISHER.send("customer.events", erased);
        awaitApplied(erased);

        ObjectNode lateUpdate = Fixtures.customerEvent("customer.updated",
                named(customer(customerId, 9, marker + "@example.com", phone, p -> { }), marker), "name");
        ObjectNode lateComment = issueEvent("issue.commented", titled(issue(issueId, customerId, issueNumber, 2, "normal"),
                marker), change(Map.of("commentId", UUID.randomUUID().toString(), "visibility", "public",
                "author", Map.of("role", "agent", "id", "agent.alice", "displayName", "Alice"), "text", marker + " late")));
        ObjectNode lateNextAction = issueEvent("issue.next-action-set", titled(issue(issueId, customerId, issueNumber, 3,
                "normal"), marker), change(Map.of("what", marker + " receipt", "who", "customer",
                "dueAt", "2026-11-30T17:00:00Z")));
        UUID lateIssue = UUID.randomUUID();
        ObjectNode lateOpened = opened(issue(lateIssue, customerId, number(), 1, "normal"), marker);
        ObjectNode lateContact = logged(customerId, issueId, marker + " summary", true);
        PUBLISHER.send("customer.events", lateUpdate);
        sendIssue(lateComment);
        sendIssue(lateNextAction);
        sendIssue(lateOpened);
        PUBLISHER.send("contact.events", lateContact);
        // a provider's report on a message sent before the erasure quotes nothing back into it
        signed("/callbacks/sms", "{\"id\": \"sms-" + smsId + "\", \"reference\": \"" + smsId
                + "\", \"status\": \"failed\", \"error\": \"handset " + marker + " unreachable\"}").then().statusCode(204);
        awaitApplied(lateUpdate);
        awaitApplied(lateComment);
        awaitApplied(lateNextAction);
        awaitApplied(lateOpened);
        awaitApplied(lateContact);

        Awaitility.await().atMost(WAIT).until(() -> "0".equals(Replicas.value("select count(*) from outbox_message")));
        assertEquals(List.of(), PersonalTextSearch.columnsHolding(db, marker));
        assertEquals("provider reported failed", Replicas.value("select reason from notification where id = ?",
                UUID.fromString(smsId)));
    }

    @Test
    void anEventThatArrivesWhileTheErasureRunsWaitsForItAndWritesNothing() throws Exception {
        String marker = marker();
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, "ada." + UUID.randomUUID().toString().substring(0, 8) + "@example.com", null,
                p -> { }));
        UUID issueId = UUID.randomUUID();
        ObjectNode late = opened(issue(issueId, customerId, number(), 1, "normal"), marker);
        CloudEvent erasure = mapper.readValue(erasedEvent(customerId).toString(), CloudEvent.class);

        // the erasure has taken its lock and not committed yet when the issue event arrives
        QuarkusTransaction.requiringNew().run(() -> {
            replication.apply(erasure);
            sendIssue(late);
            // it waits for the erasure's lock (without one it would render the message, text and all, before the end)
            Awaitility.await().atMost(WAIT).until(() ->
                    !"0".equals(Replicas.value("select count(*) from pg_locks where locktype = 'advisory' and not granted"))
                            || !"0".equals(Replicas.value("select count(*) from inbox_message where event_id = ?",
                            UUID.fromString(late.path("id").asText()))));
        });
        awaitApplied(late);

        assertEquals("customer-erased", awaitNotifications(issueId, 1, "suppressed").get(0).get("reason"));
        Awaitility.await().atMost(WAIT).until(() -> "0".equals(Replicas.value("select count(*) from outbox_message")));
        assertEquals(List.of(), PersonalTextSearch.columnsHolding(db, marker));
    }

    /** An issue.opened whose title and status link hold {@code marker}. */
    private static ObjectNode opened(ObjectNode issue, String marker) {
        return issueEvent("issue.opened", titled(issue, marker),
                MAPPER.createObjectNode().put("statusUrl", "https://status.anchor.local/status/" + marker));
    }

    private static ObjectNode titled(ObjectNode issue, String marker) {
        return issue.put("title", marker + " washing machine leaks");
    }

    private static ObjectNode named(ObjectNode customer, String marker) {
        return customer.put("givenName", marker + "given").put("displayName", marker + "given Lovelace");
    }

    /** A contact.logged as contact-service publishes it, about {@code issueId}, the summary asked for or not. */
    private static ObjectNode logged(UUID customerId, UUID issueId, String summary, boolean summaryRequested) {
        ObjectNode contact = MAPPER.createObjectNode();
        contact.put("id", UUID.randomUUID().toString()).put("customerId", customerId.toString())
                .put("issueId", issueId.toString()).put("channel", "phone").put("direction", "inbound")
                .put("agentId", "agent.alice").put("occurredAt", "2026-11-23T10:15:00Z").put("summary", summary)
                .put("summaryRequested", summaryRequested).put("outcome", "information_given").put("version", 0);
        return Fixtures.contactLogged(contact);
    }

    /** A provider callback signed with the test secret. */
    private static io.restassured.response.Response signed(String path, String body) {
        return given().contentType(ContentType.JSON).header(CallbackResource.SIGNATURE, "sha256=" + HexFormat.of()
                .formatHex(CallbackResource.sign(Fixtures.CALLBACK_SECRET.getBytes(StandardCharsets.UTF_8), body)))
                .body(body).post(path);
    }

    /** Lower case, so it survives the lower-casing of an email address. */
    private static String marker() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
