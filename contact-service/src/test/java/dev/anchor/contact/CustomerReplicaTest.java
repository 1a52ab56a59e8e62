package dev.anchor.contact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anchor.blocks.testing.EventSchemas;
import dev.anchor.blocks.testing.TestJwt;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.contact.ContactFixtures.AGENT;
import static dev.anchor.contact.ContactFixtures.as;
import static dev.anchor.contact.ContactFixtures.callJson;
import static dev.anchor.contact.ContactFixtures.logCall;
import static dev.anchor.contact.ContactFixtures.newCustomerId;
import static dev.anchor.contact.Upstream.awaitApplied;
import static dev.anchor.contact.Upstream.change;
import static dev.anchor.contact.Upstream.count;
import static dev.anchor.contact.Upstream.customerChanged;
import static dev.anchor.contact.Upstream.customerMerged;
import static dev.anchor.contact.Upstream.customerState;
import static dev.anchor.contact.Upstream.issueEvent;
import static dev.anchor.contact.Upstream.issueState;
import static dev.anchor.contact.Upstream.notificationEvent;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The customer.events consumer keeps names, preferred channel and mailing address for the summary; it applies each
 * event once, ignores older states that arrive late, skips malformed and unknown events, and re-points merges.
 */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class CustomerReplicaTest {

    @Inject
    AgroalDataSource db;

    private Upstream.Publisher publisher;

    @BeforeEach
    void connect() {
        publisher = new Upstream.Publisher();
    }

    @AfterEach
    void disconnect() {
        publisher.close();
    }

    @Test
    void customerEventsGiveTheSummaryItsNameChannelAndMailingAddress() {
        String id = newCustomerId();
        ObjectNode registered = customerChanged("customer.registered", customerState(id, 0, "Ada", "Lovelace", "London", "email"));
        ObjectNode moved = customerChanged("customer.updated", customerState(id, 1, "Ada", "Lovelace", "Leeds", "email"), "addresses");
        ObjectNode prefers = customerChanged("customer.preferences-changed",
                customerState(id, 2, "Ada", "Lovelace", "Leeds", "sms"), "preferences");
        for (ObjectNode event : new ObjectNode[]{registered, moved, prefers}) {
            EventSchemas.assertValid(event); // fed exactly as customer-service publishes
            publisher.send("customer.events", event);
        }
        awaitApplied(db, prefers);

        as(AGENT).get("/customers/{id}/summary", id).then().statusCode(200)
                .body("customerId", equalTo(id))
                .body("name", equalTo("Ada Lovelace"))
                .body("preferredChannel", equalTo("sms"))
                .body("mailingAddress.city", equalTo("Leeds"))
                .body("mailingAddress.line1", equalTo("12 Analytical Row"))
                .body("openIssues.size()", equalTo(0));
    }

    @Test
    void aLateOlderStateAndARedeliveryChangeNothing() throws Exception {
        String id = newCustomerId();
        ObjectNode newer = customerChanged("customer.updated", customerState(id, 5, "Grace", "Hopper", "Arlington", "email"), "name");
        ObjectNode older = customerChanged("customer.updated", customerState(id, 4, "Grace", "Murray", "New York", "sms"), "name");
        publisher.send("customer.events", newer);
        publisher.send("customer.events", older);
        publisher.send("customer.events", newer); // redelivered as it is
        ObjectNode sentinel = customerChanged("customer.shoe-size-changed", customerState(id, 6, "X", "Y", "Z", "sms"));
        publisher.sendOutOfContract("customer.events", sentinel); // a type without a published schema
        awaitApplied(db, sentinel);

        as(AGENT).get("/customers/{id}/summary", id).then().statusCode(200)
                .body("name", equalTo("Grace Hopper")).body("preferredChannel", equalTo("email"))
                .body("mailingAddress.city", equalTo("Arlington"));
        assertEquals(1, count(db, "select count(*) from inbox_message where event_id = ?::uuid", newer.path("id").asText()));
        assertEquals(1, count(db, "select count(*) from inbox_message where event_id = ?::uuid", older.path("id").asText()));
        assertEquals(5, count(db, "select version from customer_replica where id = ?::uuid", id),
                "an unknown type is recorded as seen and ignored, not applied");
    }

    @Test
    void malformedAndUnknownEventsAreSkippedAndTheConsumerCarriesOn() throws Exception {
        String id = newCustomerId();
        publisher.sendRaw("customer.events", id, "this is not JSON");
        publisher.sendRaw("customer.events", id, "{\"specversion\": \"1.0\", \"type\": \"customer.updated\"}");
        ObjectNode noCustomer = customerChanged("customer.updated", customerState(id, 3, "Bad", "Event", "Nowhere", "email"));
        ((ObjectNode) noCustomer.path("data")).remove("customer");
        ObjectNode badId = customerChanged("customer.updated", customerState(id, 3, "Bad", "Event", "Nowhere", "email"));
        ((ObjectNode) badId.path("data").path("customer")).put("id", "ada");
        ObjectNode noData = customerChanged("customer.erased", customerState(id, 3, "Bad", "Event", "Nowhere", "email"));
        noData.remove("data");
        ObjectNode unknown = customerChanged("customer.loyalty-tier-changed", customerState(id, 9, "Bad", "Event", "Nowhere", "sms"));
        for (ObjectNode event : new ObjectNode[]{noCustomer, badId, noData, unknown}) {
            publisher.sendOutOfContract("customer.events", event);
        }
        ObjectNode good = customerChanged("customer.registered", customerState(id, 0, "Mary", "Somerville", "Burntisland", "email"));
        publisher.send("customer.events", good);
        awaitApplied(db, good);

        as(AGENT).get("/customers/{id}/summary", id).then().statusCode(200).body("name", equalTo("Mary Somerville"));
        assertEquals(0, count(db, "select count(*) from inbox_message where event_id = any(?::uuid[])",
                "{" + noCustomer.path("id").asText() + "," + badId.path("id").asText() + "," + noData.path("id").asText() + "}"),
                "a malformed event is rolled back whole");
        assertEquals(1, count(db, "select count(*) from inbox_message where event_id = ?::uuid", unknown.path("id").asText()));
        assertEquals(0, count(db, "select count(*) from customer_replica where display_name = 'Bad Event'"));
    }

    @Test
    void aMergeMovesEverythingOfTheRetiredRecordToTheSurvivor() throws Exception {
        String survivor = newCustomerId();
        String retired = newCustomerId();
        publisher.send("customer.events", customerChanged("customer.registered",
                customerState(survivor, 0, "Ada", "Lovelace", "London", "email")));
        publisher.send("customer.events", customerChanged("customer.registered",
                customerState(retired, 0, "Augusta", "King", "Ockham", "sms")));
        String survivorCall = logCall(survivor);
        String retiredCall = logCall(retired);
        String issueId = UUID.randomUUID().toString();
        ObjectNode opened = issueEvent("issue.opened", issueState(issueId, retired, "K7-MRG2", "Broken router", "open", 0,
                "Call back", "agent", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1)), Upstream.openedChange(), "phone",
                OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5));
        publisher.send("issue.events", opened);
        ObjectNode sent = notificationEvent("notification.sent", UUID.randomUUID().toString(), retired, issueId, "email",
                "sent", "We opened K7-MRG1", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(4));
        publisher.send("notification.events", sent);
        awaitApplied(db, opened);
        awaitApplied(db, sent);

        ObjectNode merged = customerMerged(customerState(survivor, 1, "Ada", "Lovelace", "London", "email"), retired);
        EventSchemas.assertValid(merged);
        publisher.send("customer.events", merged);
        awaitApplied(db, merged);

        as(AGENT).get("/customers/{id}/contacts", survivor).then().statusCode(200)
                .body("items.id", containsInAnyOrder(survivorCall, retiredCall))
                .body("items.customerId", containsInAnyOrder(survivor, survivor));
        as(AGENT).get("/customers/{id}/contacts", retired).then().body("items.id", containsInAnyOrder(survivorCall, retiredCall));
        as(AGENT).queryParam("kind", "contact").get("/customers/{id}/timeline", survivor).then().statusCode(200)
                .body("items.id", containsInAnyOrder(survivorCall, retiredCall));
        as(AGENT).queryParam("kind", "issue").get("/customers/{id}/timeline", survivor).then()
                .body("items.id", containsInAnyOrder(opened.path("id").asText()));
        as(AGENT).queryParam("kind", "notification").get("/customers/{id}/timeline", survivor).then()
                .body("items.id", hasItem(sent.at("/data/notification/id").asText()));
        as(AGENT).get("/customers/{id}/summary", retired).then().statusCode(200)
                .body("customerId", equalTo(survivor)).body("name", equalTo("Ada Lovelace"))
                .body("openIssues.number", hasItem("K7-MRG2"));

        // a correction based on the contact as it was before the merge cannot move it back
        assertProblem(as(AGENT).header("If-Match", "\"0\"").body("{\"reason\": \"r\", \"changes\": {\"outcome\": \"other\"}}")
                .post("/contacts/{id}/amendments", retiredCall).then(), 412);
        as(AGENT).get("/contacts/{id}", retiredCall).then().header("ETag", "\"1\"").body("customerId", equalTo(survivor));

        // what still arrives about the retired id lands on the survivor
        String lateCall = as(AGENT).body(callJson(retired)).post("/contacts").then().statusCode(201)
                .body("customerId", equalTo(survivor)).extract().path("id");
        ObjectNode lateComment = issueEvent("issue.commented", issueState(issueId, retired, "K7-MRG2", "Broken router",
                "in_progress", 1, "Call back", "agent", OffsetDateTime.now(ZoneOffset.UTC).plusDays(1)),
                Upstream.comment("public", "Replacement on its way"), "email", OffsetDateTime.now(ZoneOffset.UTC));
        publisher.send("issue.events", lateComment);
        awaitApplied(db, lateComment);
        as(AGENT).queryParam("kind", "contact").get("/customers/{id}/timeline", survivor).then()
                .body("items.id", containsInAnyOrder(survivorCall, retiredCall, lateCall));
        as(AGENT).queryParam("kind", "issue").get("/customers/{id}/timeline", survivor).then()
                .body("items.id", containsInAnyOrder(opened.path("id").asText(), lateComment.path("id").asText()));
        assertEquals(0, count(db, "select count(*) from contact where customer_id = ?::uuid", retired));
        assertEquals(0, count(db, "select count(*) from timeline_entry where customer_id = ?::uuid", retired));
        assertEquals(0, count(db, "select count(*) from customer_replica where id = ?::uuid and display_name is not null", retired));
    }

    @Test
    void theSummaryOfAnUnknownCustomerIsNotFound() {
        assertProblem(as(AGENT).get("/customers/{id}/summary", newCustomerId()).then(), 404);
    }
}
