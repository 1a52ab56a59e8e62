package dev.anchor.issue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.anchor.issue.IssueFixtures.MAPPER;
import static dev.anchor.issue.IssueFixtures.PARTNER;
import static dev.anchor.issue.IssueFixtures.SUPERVISOR;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.openIssue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Contacts and notifications about an issue reach its timeline and status page, once each. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ContactAndNotificationTrailTest {

    @Test
    void contactsAndNotificationsAboutAnIssueLandOnItsTimelineOnce() {
        String id = openIssue();
        UUID customer = UUID.fromString(as(SUPERVISOR).get("/issues/{id}", id).then().extract().path("customerId"));
        ObjectNode logged = IssueFixtures.contactLogged(id, customer, c -> c.put("channel", "store")
                .put("agentId", "agent.carol").put("summary", "Brought the machine to the store"));

        ObjectNode sent = IssueFixtures.notificationEvent("notification.sent", id, customer, "sms",
                "We have your request K7-4QX9", null);
        ObjectNode failed = IssueFixtures.notificationEvent("notification.failed", id, customer, "sms",
                "SMS about the visit", "provider unreachable");
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send("contact.events", logged);
            publisher.send("contact.events", logged);
            publisher.send("notification.events", sent);
            publisher.send("notification.events", failed);
            publisher.send("notification.events", sent);
            publisher.send("contact.events", EventPublisher.event("/anchor/contact-service", "contact.logged",
                    UUID.randomUUID().toString(), MAPPER.createObjectNode()));
        }
        // The running notification-service may add its own notifications about this issue: count only ours.
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ours(id).size() >= 3);
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> ours(id).size() == 3);
        // Each topic keeps its order; the two topics' consumers take turns on the issue's lock in either order.
        assertEquals(List.of("notification.sent", "notification.failed"),
                ours(id).stream().filter(kind -> kind.startsWith("notification.")).toList());
        assertEquals(1, ours(id).stream().filter("contact.logged"::equals).count());
        as(PARTNER).get("/issues/{id}/timeline", id).then()
                .body("items.detail", hasItem("Brought the machine to the store"))
                .body("items.kind", not(hasItem("notification.failed")));
        String url = as(SUPERVISOR).post("/issues/{id}/status-link", id).then().statusCode(201).extract().path("statusUrl");
        given().accept("application/json").get(url.substring(url.indexOf("/status/"))).then().statusCode(200)
                .body("history.text", hasItem("Brought the machine to the store"))
                // the message is folded into the entry before it, not a line of its own
                .body("history.messages.flatten()", hasItem(org.hamcrest.Matchers.endsWith("“We have your request K7-4QX9”")))
                .body("history.kind", not(hasItem("notification.sent")))
                .body("history.by", not(hasItem("agent.carol")))
                .body("history.text", not(hasItem("SMS about the visit")));
    }

    /** The kinds of the entries made from the events this test sent, in timeline order. */
    private static List<String> ours(String id) {
        List<java.util.Map<String, Object>> items = as(SUPERVISOR).get("/issues/{id}/timeline", id).then().statusCode(200)
                .extract().path("items");
        return items.stream()
                .filter(item -> List.of("Brought the machine to the store", "We have your request K7-4QX9",
                        "SMS about the visit").contains(item.get("detail")))
                .map(item -> (String) item.get("kind")).toList();
    }
}
