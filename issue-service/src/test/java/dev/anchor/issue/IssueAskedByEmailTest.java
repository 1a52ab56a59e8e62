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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A known customer's email to the organisation's address: contact-service publishes it as a contact with origin
 * customer-email and no issue, and issue-service opens one issue for it — titled by the subject, her words its
 * description, raised by email, waiting for an owner — however often the event arrives; never for an erased customer.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class IssueAskedByEmailTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    static ObjectNode asking(UUID customerId, String subject, String words) {
        ObjectNode data = MAPPER.createObjectNode();
        ObjectNode c = data.putObject("contact");
        c.put("id", UUID.randomUUID().toString());
        c.put("customerId", customerId.toString());
        c.put("channel", "email");
        c.put("direction", "inbound");
        c.put("occurredAt", "2026-12-01T10:00:00Z");
        c.put("summary", words);
        c.put("summaryRequested", false);
        c.put("outcome", "follow_up");
        c.put("version", 0);
        c.put("origin", "customer-email");
        c.put("subject", subject);
        return EventPublisher.event("/anchor/contact-service", "contact.logged", c.path("id").asText(), data);
    }

    private static int issuesOf(UUID customer) {
        return as(BOB).queryParam("customerId", customer.toString()).get("/issues").then().statusCode(200)
                .extract().path("total");
    }

    @Test
    void anEmailToTheOrganisationOpensOneIssueForTheCustomer() {
        UUID customer = customer("Mary Somerville", "en", "Europe/London");
        String words = "The oven door will not close since Tuesday.\nIt is the model from last year.";
        ObjectNode asking = asking(customer, "Re: Fwd: Oven door", words);
        String photoId = UUID.randomUUID().toString();
        ((ObjectNode) asking.at("/data/contact")).putArray("attachments").addObject().put("id", photoId)
                .put("fileName", "door.heic").put("mediaType", "image/heic").put("size", 812_000);
        EventSchemas.assertValid(asking); // exactly as contact-service publishes it
        String contactId = asking.at("/data/contact/id").asText();
        try (EventStream stream = EventStream.of("issue.events"); EventPublisher publisher = new EventPublisher()) {
            publisher.send("contact.events", asking);
            publisher.send("contact.events", asking); // redelivered
            Awaitility.await().atMost(WAIT).until(() -> issuesOf(customer) == 1);
            String issueId = as(BOB).queryParam("customerId", customer.toString()).get("/issues")
                    .then().extract().path("items[0].id");
            as(BOB).get("/issues/{id}", issueId).then().statusCode(200)
                    .body("title", equalTo("Oven door"))
                    .body("description", equalTo(words))
                    .body("channel", equalTo("email"))
                    .body("status", equalTo("open"))
                    .body("owner", nullValue());
            JsonNode opened = stream.await(issueId, 1, WAIT).getFirst();
            EventSchemas.assertValid(opened);
            assertEquals("issue.opened", opened.path("type").asText());
            assertEquals(contactId, opened.at("/data/change/fromContactId").asText(), "names the email that asked");
            assertFalse(opened.at("/data/change/statusUrl").asText().isEmpty(), "the acknowledgement's link");
            assertEquals("customer", opened.at("/data/actor/role").asText());
            assertEquals("email", opened.at("/data/actor/channel").asText());
            assertEquals(List.of("issue.opened", "issue.attachment-added"),
                    EventStream.types(stream.during(issueId, Duration.ofSeconds(2))),
                    "one issue, one opening with its photo: the redelivery made nothing");
            as(BOB).get("/issues/{id}/attachments", issueId).then().statusCode(200).body("size()", equalTo(1))
                    .body("[0].id", equalTo(photoId)).body("[0].fileName", equalTo("door.heic"))
                    .body("[0].channel", equalTo("email")).body("[0].contactId", equalTo(contactId));
        }
        assertEquals(1, issuesOf(customer));
    }

    @Test
    void anErasedCustomersEmailOpensNothingAndAReplyIsNoRequest() throws Exception {
        UUID customer = customer("Kim Family", "en", "UTC");
        ObjectNode erasure = MAPPER.createObjectNode();
        erasure.put("customerId", customer.toString());
        erasure.putArray("mergedIds");
        erasure.put("erasedAt", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString());
        IssueFixtures.publish("customer.erased", customer.toString(), erasure);
        Awaitility.await().atMost(WAIT).until(() ->
                "erased".equals(IssueFixtures.sql("select status from customer_replica where id = ?", customer)));
        ObjectNode late = asking(customer, "Kettle", "It does not switch off.");
        UUID other = customer("Lee Family", "en", "UTC");
        ObjectNode reply = asking(other, "Re: Kettle", "Thanks");
        ((ObjectNode) reply.at("/data/contact")).put("origin", "customer-reply");
        ObjectNode marker = asking(other, "Toaster", "It burns the bread.");
        try (EventPublisher publisher = new EventPublisher()) {
            publisher.send("contact.events", late);
            publisher.send("contact.events", reply);
            publisher.send("contact.events", marker);
        }
        Awaitility.await().atMost(WAIT).until(() -> issuesOf(other) == 1); // the marker sent last was applied
        assertEquals(0, issuesOf(customer), "nothing is opened for an erased customer");
        as(BOB).queryParam("customerId", other.toString()).get("/issues").then()
                .body("items[0].title", equalTo("Toaster"));
    }
}
