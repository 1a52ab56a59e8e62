package dev.anchor.contact;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.contact.ContactFixtures.AGENT;
import static dev.anchor.contact.ContactFixtures.as;
import static dev.anchor.contact.ContactFixtures.callJson;
import static dev.anchor.contact.ContactFixtures.logCall;
import static dev.anchor.contact.ContactFixtures.newCustomerId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input gets a clear 4xx problem naming what is wrong, and changes nothing. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class ContactInputTest {

    private static final String VALID = """
            {"customerId": "%s", "channel": "phone", "direction": "inbound", "agentId": "agent.alice",
             "occurredAt": "2026-01-05T10:00:00Z", "summary": "Asked about the bill.", "outcome": "resolved"}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing customer      | customerId      | null                    | customerId",
            "customer not a UUID   | customerId      | \"ada\"                 | customerId",
            "issue not a UUID      | issueId         | \"K7-4QX9\"             | issueId",
            "missing channel       | channel         | null                    | channel",
            "unknown channel       | channel         | \"pigeon\"              | channel",
            "unknown direction     | direction       | \"sideways\"            | direction",
            "agent with spaces     | agentId         | \"agent alice\"         | agentId",
            "agent too long        | agentId         | \"%101\"                | agentId",
            "missing time          | occurredAt      | null                    | occurredAt",
            "time not ISO          | occurredAt      | \"yesterday\"           | occurredAt",
            "time in the future    | occurredAt      | \"%future\"             | occurredAt",
            "negative duration     | durationSeconds | -1                      | durationSeconds",
            "duration over a day   | durationSeconds | 86401                   | durationSeconds",
            "duration not a number | durationSeconds | \"long\"                | durationSeconds",
            "blank summary         | summary         | \"  \"                  | summary",
            "summary too long      | summary         | \"%2001\"               | summary",
            "notes too long        | internalNotes   | \"%4001\"               | internalNotes",
            "missing outcome       | outcome         | null                    | outcome",
            "unknown outcome       | outcome         | \"happy\"               | outcome",
            "summary wish not bool | summaryRequested | \"yes\"              | summaryRequested",
            "summary wish a list   | summaryRequested | [true]                 | summaryRequested",
            "unknown field         | mood            | \"grumpy\"              | mood"})
    void refusesInvalidContacts(String name, String field, String value, String reported) {
        String customer = newCustomerId();
        String json = with(VALID.formatted(customer), field, expand(value));
        assertProblem(as(AGENT).body(json).post("/contacts").then(), 400).body("errors.field", hasItem(reported));
        as(AGENT).get("/customers/{id}/contacts", customer).then().statusCode(404); // nothing known of it: nothing written
    }

    @Test
    void aContactNeedsAnAgentOrALocation() {
        String customer = newCustomerId();
        String json = VALID.formatted(customer).replace("\"agentId\": \"agent.alice\",", "");
        assertProblem(as(AGENT).body(json).post("/contacts").then(), 400).body("errors.field", hasItem("agentId"));
        as(AGENT).body(json.replace("\"direction\"", "\"locationId\": \"store-12\", \"direction\"")).post("/contacts")
                .then().statusCode(201);
    }

    @Test
    void refusesMalformedMissingAndOversizedBodies() {
        String customer = newCustomerId();
        assertProblem(as(AGENT).body("{\"customerId\": ").post("/contacts").then(), 400)
                .body("detail", containsString("not valid JSON"));
        assertProblem(as(AGENT).post("/contacts").then(), 400);
        assertProblem(as(AGENT).body("[]").post("/contacts").then(), 400);
        assertProblem(as(AGENT).contentType("text/plain").body("hello").post("/contacts").then(), 415);
        String huge = VALID.formatted(customer).replace("Asked about the bill.", "x".repeat(70_000));
        assertProblem(as(AGENT).body(huge).post("/contacts").then(), 413);
        assertProblem(as(AGENT).header("Idempotency-Key", "k".repeat(256)).body(VALID.formatted(customer)).post("/contacts").then(), 400)
                .body("errors.field", hasItem("Idempotency-Key"));
        as(AGENT).get("/customers/{id}/contacts", customer).then().statusCode(404); // nothing known of it: nothing written
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no reason              | {\"changes\": {\"outcome\": \"resolved\"}}                        | reason",
            "blank reason           | {\"reason\": \" \", \"changes\": {\"outcome\": \"resolved\"}}      | reason",
            "reason too long        | {\"reason\": \"%501\", \"changes\": {\"outcome\": \"resolved\"}}   | reason",
            "no changes             | {\"reason\": \"r\"}                                               | changes",
            "empty changes          | {\"reason\": \"r\", \"changes\": {}}                               | changes",
            "changes not an object  | {\"reason\": \"r\", \"changes\": [1]}                              | changes",
            "customer is fixed      | {\"reason\": \"r\", \"changes\": {\"customerId\": \"%uuid\"}}      | changes.customerId",
            "summary wish is fixed  | {\"reason\": \"r\", \"changes\": {\"summaryRequested\": true}}    | changes.summaryRequested",
            "unknown channel        | {\"reason\": \"r\", \"changes\": {\"channel\": \"pigeon\"}}        | channel",
            "summary removed        | {\"reason\": \"r\", \"changes\": {\"summary\": null}}              | summary",
            "both agent and place removed | {\"reason\": \"r\", \"changes\": {\"agentId\": null}}        | agentId",
            "time in the future     | {\"reason\": \"r\", \"changes\": {\"occurredAt\": \"%future\"}}   | occurredAt",
            "unknown changed field  | {\"reason\": \"r\", \"changes\": {\"mood\": \"calm\"}}             | mood",
            "unknown field          | {\"reason\": \"r\", \"changes\": {\"outcome\": \"other\"}, \"x\": 1} | x"})
    void refusesInvalidAmendmentsAndChangesNothing(String name, String json, String reported) {
        String id = logCall(newCustomerId());
        String body = json.replace("%501", "r".repeat(501)).replace("%uuid", UUID.randomUUID().toString())
                .replace("%future", OffsetDateTime.now(ZoneOffset.UTC).plusHours(2).toString());
        assertProblem(as(AGENT).body(body).post("/contacts/{id}/amendments", id).then(), 400)
                .body("errors.field", hasItem(reported));
        as(AGENT).get("/contacts/{id}", id).then().header("ETag", "\"0\"").body("outcome", equalTo("follow_up"));
        as(AGENT).get("/contacts/{id}/amendments", id).then().body("size()", equalTo(0));
    }

    @Test
    void refusesMalformedMissingAndOversizedAmendments() {
        String id = logCall(newCustomerId());
        assertProblem(as(AGENT).body("{\"reason\": ").post("/contacts/{id}/amendments", id).then(), 400);
        assertProblem(as(AGENT).post("/contacts/{id}/amendments", id).then(), 400);
        assertProblem(as(AGENT).contentType("text/plain").body("fix it").post("/contacts/{id}/amendments", id).then(), 415);
        String huge = "{\"reason\": \"r\", \"changes\": {\"summary\": \"" + "x".repeat(70_000) + "\"}}";
        assertProblem(as(AGENT).body(huge).post("/contacts/{id}/amendments", id).then(), 413);
        assertProblem(as(AGENT).header("If-Match", "\"9\"").body("{\"reason\": \"r\", \"changes\": {\"outcome\": \"other\"}}")
                .post("/contacts/{id}/amendments", id).then(), 412);
        as(AGENT).get("/contacts/{id}", id).then().header("ETag", "\"0\"");
    }

    @ParameterizedTest(name = "{0}={1} on {2}")
    @CsvSource({
            "channel, pigeon, contacts", "issueId, K7-4QX9, contacts", "from, yesterday, contacts", "to, 2026-13-01, contacts",
            "from, +300000-01-01T00:00:00Z, contacts", "to, -0001-01-01T00:00:00Z, contacts",
            "size, 0, contacts", "size, 101, contacts", "size, ten, contacts", "page, -1, contacts", "page, first, contacts",
            "kind, email, timeline", "channel, pigeon, timeline", "issueId, 42, timeline", "size, 500, timeline",
            "page, x, timeline"})
    void refusesMalformedFiltersAndPages(String name, String value, String list) {
        assertProblem(as(AGENT).queryParam(name, value).get("/customers/{id}/" + list, newCustomerId()).then(), 400)
                .body("errors.field", hasItem(name));
    }

    @Test
    void listsOfACustomerNothingIsKnownAboutAre404() {
        assertProblem(as(AGENT).get("/customers/{id}/contacts", newCustomerId()).then(), 404);
        assertProblem(as(AGENT).get("/customers/{id}/timeline", newCustomerId()).then(), 404);
    }

    @Test
    void aPeriodMustEndAfterItStarts() {
        assertProblem(as(AGENT).queryParam("from", "2026-02-01T00:00:00Z").queryParam("to", "2026-01-01T00:00:00Z")
                .get("/customers/{id}/contacts", newCustomerId()).then(), 400).body("errors.field", hasItem("to"));
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String amendment = "{\"reason\": \"r\", \"changes\": {\"outcome\": \"other\"}}";
        assertProblem(as(AGENT).get("/contacts/{id}", UUID.randomUUID()).then(), 404);
        assertProblem(as(AGENT).get("/contacts/not-a-uuid").then(), 404);
        assertProblem(as(AGENT).get("/contacts/{id}/amendments", UUID.randomUUID()).then(), 404);
        assertProblem(as(AGENT).body(amendment).post("/contacts/{id}/amendments", UUID.randomUUID()).then(), 404);
        assertProblem(as(AGENT).get("/customers/not-a-uuid/contacts").then(), 404);
        assertProblem(as(AGENT).get("/customers/not-a-uuid/timeline").then(), 404);
        assertProblem(as(AGENT).get("/customers/{id}/summary", UUID.randomUUID()).then(), 404);
    }

    @Test
    void aReplayOfAValidRequestStillWorksAfterRefusals() {
        String customer = newCustomerId();
        as(AGENT).body(callJson(customer)).post("/contacts").then().statusCode(201);
        as(AGENT).get("/customers/{id}/contacts", customer).then().body("total", equalTo(1));
    }

    private static String expand(String value) {
        if (value.equals("\"%future\"")) {
            return "\"" + OffsetDateTime.now(ZoneOffset.UTC).plusHours(2) + "\"";
        }
        if (value.matches("\"%\\d+\"")) {
            return "\"" + "x".repeat(Integer.parseInt(value.substring(2, value.length() - 1))) + "\"";
        }
        return value;
    }

    /** The valid contact with {@code field} set to {@code json} (or removed when it is null). */
    private static String with(String valid, String field, String json) {
        try {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(valid);
            if (json.equals("null")) {
                node.remove(field);
            } else {
                node.set(field, mapper.readTree(json));
            }
            return node.toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
