package dev.anchor.issue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventPublisher;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.EventStream;
import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.anchor.issue.IssueFixtures.BOB;
import static dev.anchor.issue.IssueFixtures.MAPPER;
import static dev.anchor.issue.IssueFixtures.as;
import static dev.anchor.issue.IssueFixtures.customer;
import static dev.anchor.issue.IssueFixtures.moveTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The customer wrote back by email or SMS: contact-service publishes it as a contact with origin customer-reply, and
 * it is on the issue's page as the customer's comment, answering the step that waited on them — exactly like a
 * comment on the page, once.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class CustomerReplyTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static ObjectNode reply(String issueId, UUID customerId, String channel, String words) {
        ObjectNode data = MAPPER.createObjectNode();
        ObjectNode c = data.putObject("contact");
        c.put("id", UUID.randomUUID().toString());
        c.put("customerId", customerId.toString());
        c.put("issueId", issueId);
        c.put("channel", channel);
        c.put("direction", "inbound");
        c.put("occurredAt", "2026-12-01T10:00:00Z");
        c.put("summary", words);
        c.put("summaryRequested", false);
        c.put("outcome", "other");
        c.put("version", 0);
        c.put("origin", "customer-reply");
        return EventPublisher.event("/anchor/contact-service", "contact.logged", c.path("id").asText(), data);
    }

    /** The customer's comments on the page, as the page shows them. */
    static List<String> customerWords(StatusPageTest.Journey journey, String words) {
        List<String> texts = given().accept("application/json").get(journey.path()).then().statusCode(200)
                .extract().path("history.text");
        return texts.stream().filter(words::equals).toList();
    }

    @Test
    void anEmailReplyIsTheCustomersCommentOnThePageAndAnswersTheirStepOnce() {
        UUID customer = customer("Ann Example", "en", "UTC");
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer);
        moveTo(BOB, journey.id(), "waiting_on_customer").then().statusCode(200);
        ObjectNode reply = reply(journey.id(), customer, "email", "Here are the photos, the leak is at the back.");
        EventSchemas.assertValid(reply); // exactly as contact-service publishes it
        try (EventStream stream = EventStream.of("issue.events"); EventPublisher publisher = new EventPublisher()) {
            publisher.send("contact.events", reply);
            publisher.send("contact.events", reply); // redelivered
            List<JsonNode> events = stream.await(journey.id(), 3, WAIT);
            events.forEach(EventSchemas::assertValid);
            assertEquals(List.of("issue.status-changed", "issue.commented", "issue.next-action-completed"),
                    EventStream.types(events));
            assertEquals("customer", events.get(1).at("/data/change/author/role").asText());
            assertEquals("email", events.get(1).at("/data/actor/channel").asText());
            assertEquals("public", events.get(1).at("/data/change/visibility").asText());
            assertEquals("answered", events.get(2).at("/data/change/reason").asText());
            assertEquals("customer", events.get(2).at("/data/change/completedBy").asText());
            assertEquals(3, stream.during(journey.id(), Duration.ofSeconds(2)).size(), "the redelivery made nothing");
        }
        as(BOB).get("/issues/{id}", journey.id()).then().statusCode(200)
                .body("status", equalTo("in_progress")).body("nextAction", nullValue());
        assertEquals(1, customerWords(journey, "Here are the photos, the leak is at the back.").size());
    }

    @Test
    void aPhotoEmailedWithoutAWordIsListedOnThePageAndAnswersTheStep() {
        UUID customer = customer("Ann Example", "en", "UTC");
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer);
        moveTo(BOB, journey.id(), "waiting_on_customer").then().statusCode(200);
        ObjectNode reply = reply(journey.id(), customer, "email", null);
        ObjectNode contact = (ObjectNode) reply.path("data").path("contact");
        contact.remove("summary");
        String photoId = UUID.randomUUID().toString();
        contact.putArray("attachments").addObject().put("id", photoId).put("fileName", "leak.jpg")
                .put("mediaType", "image/jpeg").put("size", 2_097_152);
        EventSchemas.assertValid(reply);
        try (EventStream stream = EventStream.of("issue.events"); EventPublisher publisher = new EventPublisher()) {
            publisher.send("contact.events", reply);
            publisher.send("contact.events", reply); // redelivered
            List<JsonNode> events = stream.await(journey.id(), 3, WAIT);
            events.forEach(EventSchemas::assertValid);
            assertEquals(List.of("issue.status-changed", "issue.attachment-added", "issue.next-action-completed"),
                    EventStream.types(events));
            JsonNode added = events.get(1).at("/data/change");
            assertEquals(photoId, added.path("attachmentId").asText(), "contact-service's id: staff find it there");
            assertEquals("email", added.path("channel").asText());
            assertEquals(contact.path("id").asText(), added.path("contactId").asText());
            assertEquals("answered", events.get(2).at("/data/change/reason").asText());
            assertEquals(3, stream.during(journey.id(), Duration.ofSeconds(2)).size(), "the redelivery made nothing");
        }
        as(BOB).get("/issues/{id}/attachments", journey.id()).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].channel", equalTo("email"))
                .body("[0].contactId", equalTo(contact.path("id").asText())).body("[0].sha256", nullValue());
        as(BOB).get("/issues/{id}/attachments/{file}", journey.id(), photoId).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("/contacts/" + contact.path("id").asText()
                        + "/attachments/" + photoId));
        given().accept("application/json").get(journey.path()).then().statusCode(200)
                .body("attachments.size()", equalTo(1)).body("attachments[0].name", equalTo("leak.jpg"))
                .body("attachments[0].byEmail", equalTo(true));
        String html = given().accept("text/html").get(journey.path()).then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("leak.jpg <span class=\"meta\">sent by email"), html);
        org.junit.jupiter.api.Assertions.assertFalse(html.contains("/attachments/" + photoId), "no link to bytes not here");
        given().get(journey.path() + "/attachments/" + photoId).then().statusCode(404);
        as(BOB).get("/issues/{id}", journey.id()).then().body("status", equalTo("in_progress"))
                .body("nextAction", nullValue());
    }

    @Test
    void anSmsReplyToAResolvedIssueIsOnlyAComment() {
        UUID customer = customer("Ann Example", "en", "UTC");
        StatusPageTest.Journey journey = StatusPageTest.Journey.start(customer);
        moveTo(BOB, journey.id(), "resolved").then().statusCode(200);
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send("contact.events", reply(journey.id(), customer, "sms", "Thank you, all good now"));
        }
        Awaitility.await().atMost(WAIT).until(() -> customerWords(journey, "Thank you, all good now").size() == 1);
        as(BOB).get("/issues/{id}", journey.id()).then().body("status", equalTo("resolved"));
    }
}
