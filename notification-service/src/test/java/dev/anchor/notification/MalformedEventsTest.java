package dev.anchor.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventPublisher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.notification.Fixtures.MAPPER;
import static dev.anchor.notification.Fixtures.PUBLISHER;
import static dev.anchor.notification.Fixtures.WAIT;
import static dev.anchor.notification.Fixtures.awaitNotifications;
import static dev.anchor.notification.Fixtures.customer;
import static dev.anchor.notification.Fixtures.customerEvent;
import static dev.anchor.notification.Fixtures.issue;
import static dev.anchor.notification.Fixtures.notifications;
import static dev.anchor.notification.Fixtures.number;
import static dev.anchor.notification.Fixtures.opened;
import static dev.anchor.notification.Fixtures.registered;
import static dev.anchor.notification.Fixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events that break their contract are rejected whole (nothing of them applied, counted in anchor.events.rejected)
 * and consumption goes on; events of a type nobody here knows are ignored.
 */
@QuarkusTest
@QuarkusTestResource(TestEnvironment.class)
class MalformedEventsTest {

    /** Prometheus metrics, on the management interface (relative to its root, /q). */
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    @Test
    void customerEventsThatBreakTheContractChangeNothing() throws Exception {
        UUID id = UUID.randomUUID();
        String key = id.toString();
        String email = uniqueEmail();
        double before = rejected("notification-service.customer.events");
        // valid customer.registered events (the fixture checks them), each broken afterwards in data.customer
        ObjectNode textVersion = registeredAtVersion5(id, email);
        customerOf(textVersion).put("version", "five");
        ObjectNode fax = registeredAtVersion5(id, email);
        ((ObjectNode) customerOf(fax).path("preferences")).put("preferredChannel", "fax");
        ObjectNode noStatus = registeredAtVersion5(id, email);
        customerOf(noStatus).remove("status");
        for (ObjectNode bad : new ObjectNode[]{textVersion, fax, noStatus}) {
            PUBLISHER.sendRaw("customer.events", key, bad.toString());
        }
        ObjectNode erasedWithoutId = MAPPER.createObjectNode().put("customerId", "someone").put("erasedAt", "2026-11-23T10:00:00Z");
        erasedWithoutId.putArray("mergedIds");
        PUBLISHER.sendRaw("customer.events", key, EventPublisher.event(Fixtures.CUSTOMER_SOURCE, "customer.erased", key,
                erasedWithoutId).toString());
        PUBLISHER.sendRaw("customer.events", key, EventPublisher.event(Fixtures.CUSTOMER_SOURCE, "customer.archived", key,
                MAPPER.createObjectNode().put("customerId", key)).toString());
        PUBLISHER.sendRaw("customer.events", key, "{not json");
        // version 1 after the version-5 states: had one of them been applied, this one would be stale
        registered(customer(id, 1, email, null, p -> { }));
        assertEquals(1, Replicas.version(id));
        assertEquals("active", Replicas.value("select status from customer_contact where id = ?", id));
        Awaitility.await().atMost(WAIT).until(() -> rejected("notification-service.customer.events") >= before + 4);
    }

    @Test
    void issueAndContactEventsThatBreakTheContractMakeNoMessage() throws Exception {
        UUID customerId = UUID.randomUUID();
        registered(customer(customerId, 1, uniqueEmail(), null, p -> { }));
        String key = UUID.randomUUID().toString();
        UUID ghost = UUID.randomUUID();
        ObjectNode someone = opened(issue(ghost, customerId, number(), 1, "normal"));
        ((ObjectNode) someone.path("data").path("issue")).put("customerId", "someone");
        ObjectNode textVersion = opened(issue(ghost, customerId, number(), 1, "normal"));
        ((ObjectNode) textVersion.path("data").path("issue")).put("version", "1");
        ObjectNode noIssue = opened(issue(ghost, customerId, number(), 1, "normal"));
        ((ObjectNode) noIssue.path("data")).remove("issue");
        for (ObjectNode bad : new ObjectNode[]{someone, textVersion, noIssue}) {
            PUBLISHER.sendRaw("issue.events", key, bad.toString());
        }
        UUID sentinel = UUID.randomUUID();
        PUBLISHER.sendRaw("issue.events", key, opened(issue(sentinel, customerId, number(), 1, "normal")).toString());
        awaitNotifications(sentinel, 1, "sent");
        assertTrue(notifications(ghost).isEmpty());
        assertEquals("0", Replicas.value("select count(*) from issue_replica where id = ?", ghost));

        UUID ghostIssue = UUID.randomUUID();
        // valid contact.logged events (the fixture checks them), each broken afterwards in data.contact
        ObjectNode yes = ContactSummaryTest.logged(ContactSummaryTest.contact(UUID.randomUUID(), customerId, ghostIssue,
                "We talked.", true));
        ((ObjectNode) yes.path("data").path("contact")).put("summaryRequested", "yes");
        ObjectNode noCustomer = ContactSummaryTest.logged(ContactSummaryTest.contact(UUID.randomUUID(), customerId,
                ghostIssue, "We talked.", true));
        ((ObjectNode) noCustomer.path("data").path("contact")).remove("customerId");
        for (ObjectNode bad : new ObjectNode[]{yes, noCustomer}) {
            PUBLISHER.sendRaw("contact.events", key, bad.toString());
        }
        UUID summaryIssue = UUID.randomUUID();
        PUBLISHER.sendRaw("contact.events", key, ContactSummaryTest.logged(ContactSummaryTest.contact(UUID.randomUUID(),
                customerId, summaryIssue, "We talked.", true)).toString());
        Map<String, Object> summary = awaitNotifications(summaryIssue, 1, "sent").get(0);
        assertEquals("contact-summary", summary.get("template"));
        assertTrue(notifications(ghostIssue).isEmpty());
    }

    /** A customer.registered of the customer at version 5, as customer-service publishes it. */
    private static ObjectNode registeredAtVersion5(UUID id, String email) {
        return customerEvent("customer.registered", customer(id, 5, email, null, p -> { }), "emails");
    }

    private static ObjectNode customerOf(ObjectNode event) {
        return (ObjectNode) event.path("data").path("customer");
    }

    /** The count of events {@code consumer} rejected as malformed, from the metrics endpoint. */
    private double rejected(String consumer) {
        String metrics = given().get(metricsUrl).then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("anchor_events_rejected_total{") && l.contains("consumer=\"" + consumer + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
