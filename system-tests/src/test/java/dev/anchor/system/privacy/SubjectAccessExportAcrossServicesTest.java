package dev.anchor.system.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anchor.system.journey.Anchor;
import dev.anchor.system.journey.Anchor.Caller;
import dev.anchor.system.journey.Propagations;
import dev.anchor.system.journey.RunningSuite;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.anchor.system.journey.Anchor.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracker issue 12: a subject access export gathers what all four running services hold about one customer — and
 * nothing of another — for staff only; once the customer is erased, no new export can be made (410,
 * docs/customer-service.md).
 */
@ExtendWith(RunningSuite.Extension.class)
class SubjectAccessExportAcrossServicesTest {

    private final RunningSuite suite = RunningSuite.get();
    private final Anchor anchor = new Anchor(suite);
    private final Propagations figures = new Propagations("subject access export across services");
    private final String run = Anchor.unique(8);
    private final Caller agent = Caller.agent("agent.export." + run);
    private final Caller supervisor = Caller.supervisor("supervisor.export." + run);
    private final Caller partner = Caller.partner("store.export." + run, "store-export-" + run);

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void theExportHoldsEveryServicesPartOfThisCustomerOnly() {
        MarkedCustomer customer = MarkedCustomer.create(anchor, agent, figures);
        MarkedCustomer other = MarkedCustomer.create(anchor, agent, figures);
        List<JsonNode> sent = customer.awaitOpeningMessageSent().stream()
                .filter(n -> MarkedCustomer.WENT_OUT.contains(n.path("status").asText())).toList();
        other.awaitOpeningMessageSent();
        // contact-service has the contact and the issue before the export is asked for (the export reads what is held)
        figures.await("the contact and the issue reach contact-service", Propagations.now(), java.time.Duration.ofSeconds(30),
                () -> expect(anchor.contacts(agent).queryParam("size", 100).get("/customers/{id}/timeline",
                        customer.customerId), 200, "timeline").toString(),
                timeline -> timeline.contains(customer.contactSummary) && timeline.contains(customer.nextAction));

        String location = ExportDocument.request(anchor, agent, customer.customerId);
        JsonNode document = ExportDocument.await(anchor, agent, location);
        System.out.println("[export] " + document.toPrettyString().length() + " characters, parts "
                + List.of(document.has("issueService"), document.has("contactService"), document.has("notificationService")));

        assertEquals("complete", document.path("status").asText(), "every part arrived: " + document.path("missing"));
        assertEquals(customer.customerId, document.path("customerId").asText());
        // customer-service: the record
        JsonNode record = document.at("/customer/customer");
        assertEquals(customer.customerId, record.path("id").asText());
        assertEquals("Ada" + customer.marker, record.path("givenName").asText());
        assertTrue(record.path("emails").toString().contains(customer.email), "the email: " + record);
        // issue-service: the issue with its comment and next action
        JsonNode issue = only(document.at("/issueService/issues"), customer.number, "number");
        assertEquals(customer.title, issue.path("subject").asText());
        assertEquals(customer.nextAction, issue.at("/nextAction/what").asText());
        assertTrue(issue.path("history").toString().contains(customer.comment), "the comment: " + issue.path("history"));
        // contact-service: the contact
        JsonNode contact = only(document.at("/contactService/contacts"), customer.contactSummary, "summary");
        assertEquals(customer.number, contact.path("issueNumber").asText());
        assertEquals("phone", contact.path("channel").asText());
        // notification-service: every message that went out, with its text and delivery state
        JsonNode messages = document.at("/notificationService/messages");
        assertFalse(sent.isEmpty());
        for (JsonNode notification : sent) {
            // every message of an issue has its subject (one thread): what each says first tells them apart
            JsonNode message = only(messages, notification.path("summary").asText(), "summary");
            assertEquals(notification.path("subject").asText(), message.path("subject").asText());
            assertTrue(MarkedCustomer.WENT_OUT.contains(message.path("status").asText()), "delivery state: " + message);
            assertEquals(customer.email, message.path("address").asText());
            assertTrue(message.path("text").asText().contains(customer.number), "the message's text: " + message);
        }
        // nothing of the other customer
        String text = document.toString();
        for (String foreign : List.of(other.customerId, other.marker, other.number)) {
            assertFalse(text.contains(foreign), "the other customer's " + foreign + " is in the export");
        }

        // partners may neither start nor read an export
        Response start = anchor.customers(partner).header("Idempotency-Key", Anchor.idempotencyKey())
                .post("/customers/{id}/exports", customer.customerId);
        assertEquals(403, start.statusCode(), "a partner starts an export: " + start.asString());
        Response read = anchor.customers(partner).get(location.replaceFirst("^https?://[^/]+", ""));
        assertEquals(403, read.statusCode(), "a partner reads the export: " + read.asString());
        assertFalse(read.asString().contains(customer.marker));

        // after the erasure: the old export is gone with it, and a new one is refused as gone
        assertEquals(204, anchor.customers(supervisor).delete("/customers/{id}", customer.customerId).statusCode(), "erase");
        assertEquals(404, anchor.customers(agent).get(location.replaceFirst("^https?://[^/]+", "")).statusCode(),
                "the export was deleted with the erasure");
        Response again = anchor.customers(agent).header("Idempotency-Key", Anchor.idempotencyKey())
                .post("/customers/{id}/exports", customer.customerId);
        assertEquals(410, again.statusCode(), "an export of an erased customer: " + again.asString());
        assertFalse(again.asString().contains(customer.marker), "the refusal holds no personal text");
    }

    /** The one element of {@code array} whose {@code field} equals {@code value}. */
    private static JsonNode only(JsonNode array, String value, String field) {
        List<JsonNode> matching = new ArrayList<>();
        array.forEach(element -> {
            if (value.equals(element.path(field).asText())) {
                matching.add(element);
            }
        });
        assertEquals(1, matching.size(), "one element with " + field + " " + value + " in " + array);
        return matching.getFirst();
    }
}
