package dev.anchor.contact;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.contact.ContactFixtures.AGENT;
import static dev.anchor.contact.ContactFixtures.OTHER_PARTNER;
import static dev.anchor.contact.ContactFixtures.PARTNER;
import static dev.anchor.contact.ContactFixtures.STORE;
import static dev.anchor.contact.ContactFixtures.SUPERVISOR;
import static dev.anchor.contact.ContactFixtures.SYSTEM;
import static dev.anchor.contact.ContactFixtures.as;
import static dev.anchor.contact.ContactFixtures.callJson;
import static dev.anchor.contact.ContactFixtures.contactJson;
import static dev.anchor.contact.ContactFixtures.log;
import static dev.anchor.contact.ContactFixtures.logCall;
import static dev.anchor.contact.ContactFixtures.minutesAgo;
import static dev.anchor.contact.ContactFixtures.newCustomerId;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Logging, reading, listing and correcting contacts, as agents, stores and services use them. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ContactApiTest {

    @Test
    void logsAContactAndReadsItBack() {
        String customer = newCustomerId();
        Response created = log(AGENT, callJson(customer));
        created.then().statusCode(201).header("ETag", "\"0\"")
                .header("Location", endsWith("/contacts/" + created.path("id")))
                .body("customerId", equalTo(customer))
                .body("channel", equalTo("phone"))
                .body("direction", equalTo("inbound"))
                .body("agentId", equalTo("agent.alice"))
                .body("durationSeconds", equalTo(420))
                .body("outcome", equalTo("follow_up"))
                .body("loggedBy", equalTo("agent.alice"))
                .body("amended", equalTo(false))
                .body("internalNotes", containsString("frustrated"));
        String id = created.path("id");

        as(SUPERVISOR).get("/contacts/{id}", id).then().statusCode(200).header("ETag", "\"0\"")
                .body("summary", containsString("router"))
                .body("internalNotes", containsString("frustrated"));
        as(SYSTEM).get("/contacts/{id}", id).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aReplayWithTheSameIdempotencyKeyReturnsTheFirstContactAndLogsNothingNew() {
        String customer = newCustomerId();
        String key = "call-" + UUID.randomUUID();
        String json = callJson(customer);
        String first = as(AGENT).header("Idempotency-Key", key).body(json).post("/contacts")
                .then().statusCode(201).extract().path("id");
        as(AGENT).header("Idempotency-Key", key).body(json).post("/contacts").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as(AGENT).get("/customers/{id}/contacts", customer).then().statusCode(200).body("total", equalTo(1));
        assertProblem(as(AGENT).header("Idempotency-Key", key).body(contactJson(customer, "sms", null, minutesAgo(5), null))
                .post("/contacts").then(), 422);
        as(AGENT).get("/customers/{id}/contacts", customer).then().body("total", equalTo(1));
    }

    @Test
    void listsACustomersContactsNewestFirstWithFiltersAndPaging() {
        String customer = newCustomerId();
        String issue = UUID.randomUUID().toString();
        String phone = log(AGENT, contactJson(customer, "phone", null, minutesAgo(300), issue)).path("id");
        String email = log(AGENT, contactJson(customer, "email", null, minutesAgo(200), null)).path("id");
        String store = log(AGENT, contactJson(customer, "store", STORE, minutesAgo(100), issue)).path("id");
        log(AGENT, callJson(newCustomerId())).then().statusCode(201); // someone else's

        as(AGENT).get("/customers/{id}/contacts", customer).then().statusCode(200)
                .body("items.id", contains(store, email, phone))
                .body("total", equalTo(3)).body("page", equalTo(0)).body("size", equalTo(20));
        as(AGENT).queryParam("channel", "email").get("/customers/{id}/contacts", customer).then()
                .body("items.id", contains(email));
        as(AGENT).queryParam("issueId", issue).get("/customers/{id}/contacts", customer).then()
                .body("items.id", contains(store, phone));
        as(AGENT).queryParam("from", minutesAgo(250).toString()).queryParam("to", minutesAgo(150).toString())
                .get("/customers/{id}/contacts", customer).then().body("items.id", contains(email));
        as(AGENT).queryParam("size", 2).queryParam("page", 1).get("/customers/{id}/contacts", customer).then()
                .body("items.id", contains(phone)).body("total", equalTo(3));
        // a filter matching nothing is an empty page; a customer nothing is known about is a 404
        as(AGENT).queryParam("channel", "letter").get("/customers/{id}/contacts", customer).then().statusCode(200)
                .body("items", hasSize(0)).body("total", equalTo(0));
        as(AGENT).get("/customers/{id}/contacts", newCustomerId()).then().statusCode(404);
    }

    @Test
    void partnersSeeOnlyTheirLocationsContactsAndNeverInternalNotes() {
        String customer = newCustomerId();
        String call = logCall(customer);
        String visit = log(AGENT, contactJson(customer, "store", STORE, minutesAgo(10), null)).path("id");

        as(PARTNER).get("/contacts/{id}", visit).then().statusCode(200)
                .body("locationId", equalTo(STORE)).body("summary", notNullValue()).body("internalNotes", nullValue());
        assertProblem(as(PARTNER).get("/contacts/{id}", call).then(), 404);
        assertProblem(as(OTHER_PARTNER).get("/contacts/{id}", visit).then(), 404);
        as(PARTNER).get("/customers/{id}/contacts", customer).then().statusCode(200)
                .body("items.id", contains(visit)).body("total", equalTo(1))
                .body("items[0].internalNotes", nullValue());
        as(OTHER_PARTNER).get("/customers/{id}/contacts", customer).then().body("total", equalTo(0));
    }

    @Test
    void partnersLogAtTheirOwnLocationWithoutInternalNotes() {
        String customer = newCustomerId();
        as(PARTNER).body("""
                {"customerId": "%s", "channel": "store", "direction": "inbound", "occurredAt": "%s",
                 "summary": "Dropped off the router for repair.", "outcome": "follow_up"}""".formatted(customer, minutesAgo(1)))
                .post("/contacts").then().statusCode(201).body("locationId", equalTo(STORE))
                .body("loggedBy", equalTo("partner.store-12"));
        assertProblem(log(PARTNER, contactJson(customer, "store", "store-99", minutesAgo(1), null)
                .replace(", \"internalNotes\": \"note on store\"", "")).then(), 403).body("detail", containsString("own location"));
        assertProblem(as(PARTNER).body("""
                {"customerId": "%s", "channel": "store", "direction": "inbound", "occurredAt": "%s",
                 "summary": "x", "internalNotes": "secret", "outcome": "other"}""".formatted(customer, minutesAgo(1)))
                .post("/contacts").then(), 403);
        as(AGENT).get("/customers/{id}/contacts", customer).then().body("total", equalTo(1));
    }

    @Test
    void aCorrectionIsAnAmendmentOnTheAuditTrailNeverASilentOverwrite() {
        String id = logCall(newCustomerId());
        as(AGENT).header("If-Match", "\"0\"").body(Map.of("reason", "Typo in the summary and the call was an SMS",
                        "changes", Map.of("summary", "Router drops the connection nightly.", "channel", "sms")))
                .post("/contacts/{id}/amendments", id).then().statusCode(200).header("ETag", "\"1\"")
                .body("summary", equalTo("Router drops the connection nightly.")).body("channel", equalTo("sms"))
                .body("amended", equalTo(true)).body("version", equalTo(1));
        as(SUPERVISOR).body("{\"reason\": \"Notes were incomplete\", \"changes\": {\"internalNotes\": \"Escalate if it recurs.\", \"durationSeconds\": null}}")
                .post("/contacts/{id}/amendments", id).then().statusCode(200).header("ETag", "\"2\"")
                .body("durationSeconds", nullValue());

        as(AGENT).get("/contacts/{id}/amendments", id).then().statusCode(200)
                .body("version", contains(1, 2))
                .body("by", contains("agent.alice", "supervisor.sam"))
                .body("reason[0]", equalTo("Typo in the summary and the call was an SMS"))
                .body("fields[0]", contains("channel", "summary"))
                .body("[0].changes.summary.from", equalTo("Customer reported the router drops the connection every evening."))
                .body("[0].changes.summary.to", equalTo("Router drops the connection nightly."))
                .body("[0].changes.channel.from", equalTo("phone"))
                .body("fields[1]", contains("durationSeconds", "internalNotes"))
                .body("[1].changes.durationSeconds.from", equalTo(420))
                .body("[1].changes.internalNotes.to", equalTo("Escalate if it recurs."));
        as(AGENT).get("/contacts/{id}", id).then().header("ETag", "\"2\"").body("internalNotes", equalTo("Escalate if it recurs."));
    }

    @Test
    void partnersAmendTheirOwnContactsButNeverSeeOrWriteInternalNotes() {
        String customer = newCustomerId();
        String visit = log(AGENT, contactJson(customer, "store", STORE, minutesAgo(10), null)).path("id");
        as(AGENT).body("{\"reason\": \"more\", \"changes\": {\"internalNotes\": \"Staff only remark\"}}")
                .post("/contacts/{id}/amendments", visit).then().statusCode(200);
        as(PARTNER).body("{\"reason\": \"Outcome known now\", \"changes\": {\"outcome\": \"resolved\"}}")
                .post("/contacts/{id}/amendments", visit).then().statusCode(200).body("outcome", equalTo("resolved"))
                .body("internalNotes", nullValue());
        List<Map<String, Object>> trail = as(PARTNER).get("/contacts/{id}/amendments", visit).then().statusCode(200)
                .extract().path("");
        assertEquals(2, trail.size());
        assertEquals(Map.of(), trail.get(0).get("changes"), "internal notes are hidden from partners: " + trail);
        assertProblem(as(PARTNER).body("{\"reason\": \"x\", \"changes\": {\"internalNotes\": \"mine\"}}")
                .post("/contacts/{id}/amendments", visit).then(), 403);
        assertProblem(as(PARTNER).body("{\"reason\": \"x\", \"changes\": {\"locationId\": \"store-99\"}}")
                .post("/contacts/{id}/amendments", visit).then(), 403);
        assertProblem(as(OTHER_PARTNER).body("{\"reason\": \"x\", \"changes\": {\"outcome\": \"other\"}}")
                .post("/contacts/{id}/amendments", visit).then(), 404);
        as(AGENT).get("/contacts/{id}", visit).then().header("ETag", "\"2\"").body("internalNotes", equalTo("Staff only remark"))
                .body("locationId", equalTo(STORE));
    }

    @Test
    void aStaleOrEmptyAmendmentIsRefusedAndChangesNothing() {
        String id = logCall(newCustomerId());
        as(AGENT).body("{\"reason\": \"fix\", \"changes\": {\"outcome\": \"resolved\"}}").post("/contacts/{id}/amendments", id)
                .then().statusCode(200);
        assertProblem(as(AGENT).header("If-Match", "\"0\"").body("{\"reason\": \"late\", \"changes\": {\"outcome\": \"escalated\"}}")
                .post("/contacts/{id}/amendments", id).then(), 412);
        assertProblem(as(AGENT).body("{\"reason\": \"same\", \"changes\": {\"outcome\": \"resolved\"}}")
                .post("/contacts/{id}/amendments", id).then(), 422);
        as(AGENT).get("/contacts/{id}", id).then().header("ETag", "\"1\"").body("outcome", equalTo("resolved"));
        as(AGENT).get("/contacts/{id}/amendments", id).then().body("", hasSize(1));
    }
}
