package dev.anchor.customer;

import dev.anchor.blocks.testing.TestJwt;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.UUID;

import static dev.anchor.blocks.testing.Problems.assertProblem;
import static dev.anchor.customer.CustomerFixtures.AGENT;
import static dev.anchor.customer.CustomerFixtures.as;
import static dev.anchor.customer.CustomerFixtures.newCustomerJson;
import static dev.anchor.customer.CustomerFixtures.registerId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input gets a clear 4xx problem and changes nothing. */
@QuarkusTest
@QuarkusTestResource(TestJwt.class)
class CustomerInputTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing name          | {\"emails\": [{\"address\": \"a@example.com\"}]}                     | givenName",
            "blank name            | {\"givenName\": \"  \"}                                             | givenName",
            "name too long         | {\"givenName\": \"%s\"}                                             | givenName",
            "invalid email         | {\"givenName\": \"A\", \"emails\": [{\"address\": \"not-an-email\"}]}  | emails[0].address",
            "phone not E.164       | {\"givenName\": \"A\", \"phones\": [{\"number\": \"07700 900123\"}]}   | phones[0].number",
            "phone too short       | {\"givenName\": \"A\", \"phones\": [{\"number\": \"+12\"}]}            | phones[0].number",
            "null list element     | {\"givenName\": \"A\", \"emails\": [null]}                          | emails[0]",
            "country not ISO       | {\"givenName\": \"A\", \"addresses\": [{\"line1\": \"x\", \"city\": \"y\", \"country\": \"England\"}]} | addresses[0].country",
            "address without city  | {\"givenName\": \"A\", \"addresses\": [{\"line1\": \"x\", \"country\": \"GB\"}]} | addresses[0].city",
            "two primary emails    | {\"givenName\": \"A\", \"emails\": [{\"address\": \"a@x.io\", \"primary\": true}, {\"address\": \"b@x.io\", \"primary\": true}]} | emails",
            "duplicate email       | {\"givenName\": \"A\", \"emails\": [{\"address\": \"a@x.io\"}, {\"address\": \"A@x.io\"}]} | emails[1].address",
            "critical turned off   | {\"givenName\": \"A\", \"preferences\": {\"preferredChannel\": \"email\", \"fallbackAllowed\": true, \"language\": \"en\", \"timeZone\": \"UTC\", \"consent\": {\"critical\": false, \"service\": true, \"marketing\": false}}} | preferences.consent.critical",
            "unknown time zone     | {\"givenName\": \"A\", \"preferences\": {\"preferredChannel\": \"email\", \"fallbackAllowed\": true, \"language\": \"en\", \"timeZone\": \"Mars/Olympus\", \"consent\": {\"service\": true, \"marketing\": false}}} | preferences.timeZone",
            "unknown channel       | {\"givenName\": \"A\", \"preferences\": {\"preferredChannel\": \"pigeon\"}} | preferences.preferredChannel",
            "unknown field         | {\"givenName\": \"A\", \"nickname\": \"Addy\"}                       | nickname",
            "wrong type            | {\"givenName\": \"A\", \"emails\": \"a@x.io\"}                        | emails"})
    void refusesInvalidCustomers(String name, String json, String field) {
        String body = json.replace("%s", "x".repeat(101));
        assertProblem(as(AGENT).body(body).post("/customers").then(), 400)
                .body("errors.field", hasItem(field));
    }

    @Test
    void refusesMalformedAndMissingBodies() {
        assertProblem(as(AGENT).body("{\"givenName\": ").post("/customers").then(), 400)
                .body("detail", containsString("not valid JSON"));
        assertProblem(as(AGENT).post("/customers").then(), 400);
        assertProblem(as(AGENT).body("[]").post("/customers").then(), 400);
        assertProblem(as(AGENT).contentType("text/plain").body("hello").post("/customers").then(), 415);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"POST, /customers", "PATCH, /customers/{id}", "PUT, /customers/{id}/preferences",
            "POST, /customers/{id}/merge"})
    void everyEndpointWithABodyRefusesMissingMalformedAndOversizedBodiesAndChangesNothing(String method, String path) {
        String id = registerId();
        String url = path.replace("{id}", id);
        String huge = "{\"givenName\": \"" + "x".repeat(70_000) + "\"}";
        assertProblem(as(AGENT).body(huge).request(method, url).then(), 413);
        assertProblem(as(AGENT).body("{\"givenName\": ").request(method, url).then(), 400);
        assertProblem(as(AGENT).request(method, url).then(), 400);
        as(AGENT).get("/customers/{id}", id).then().statusCode(200).header("ETag", "\"0\"");
    }

    @Test
    void preferringAChannelWithoutAnAddressIsUnprocessable() {
        assertProblem(as(AGENT).body("""
                {"givenName": "A", "phones": [{"number": "+447700900123"}],
                 "preferences": {"preferredChannel": "email", "fallbackAllowed": true, "language": "en", "timeZone": "UTC",
                                 "consent": {"service": true, "marketing": false}}}""").post("/customers").then(), 422);
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        assertProblem(as(AGENT).get("/customers/{id}", UUID.randomUUID()).then(), 404);
        assertProblem(as(AGENT).get("/customers/not-a-uuid").then(), 404);
        assertProblem(as(AGENT).body("{}").patch("/customers/{id}", UUID.randomUUID()).then(), 404);
        assertProblem(as(AGENT).body(Map.of("duplicateId", UUID.randomUUID())).post("/customers/{id}/merge", registerId()).then(), 422);
        assertProblem(as(CustomerFixtures.SUPERVISOR).delete("/customers/{id}", UUID.randomUUID()).then(), 404);
        assertProblem(as(AGENT).get("/customers/{id}/export", UUID.randomUUID()).then(), 404);
    }

    @Test
    void staleETagIsRefusedAndChangesNothing() {
        String id = registerId();
        as(AGENT).body("{\"givenName\": \"Augusta\"}").patch("/customers/{id}", id).then().statusCode(200).header("ETag", "\"1\"");

        assertProblem(as(AGENT).header("If-Match", "\"0\"").body("{\"givenName\": \"Stale\"}").patch("/customers/{id}", id).then(), 412);
        assertProblem(as(AGENT).header("If-Match", "\"0\"").body("""
                {"preferredChannel": "email", "fallbackAllowed": true, "language": "en", "timeZone": "UTC",
                 "consent": {"service": false, "marketing": false}}""").put("/customers/{id}/preferences", id).then(), 412);
        as(AGENT).get("/customers/{id}", id).then().body("givenName", equalTo("Augusta"))
                .body("preferences.consent.service", equalTo(true)).header("ETag", "\"1\"");
    }

    @Test
    void invalidPatchesChangeNothing() {
        String id = registerId();
        assertProblem(as(AGENT).body("{\"emails\": [{\"address\": \"broken\"}]}").patch("/customers/{id}", id).then(), 400)
                .body("errors.field", hasItem("emails[0].address"));
        assertProblem(as(AGENT).body("{\"givenName\": null}").patch("/customers/{id}", id).then(), 400)
                .body("errors.field", hasItem("givenName"));
        assertProblem(as(AGENT).body("{\"preferences\": null}").patch("/customers/{id}", id).then(), 400);
        assertProblem(as(AGENT).body("{\"shoeSize\": 9}").patch("/customers/{id}", id).then(), 400)
                .body("errors.field", hasItem("shoeSize"));
        assertProblem(as(AGENT).body("[1, 2]").patch("/customers/{id}", id).then(), 400);
        assertProblem(as(AGENT).body("{oops").patch("/customers/{id}", id).then(), 400);
        assertProblem(as(AGENT).patch("/customers/{id}", id).then(), 400);
        as(AGENT).get("/customers/{id}", id).then().header("ETag", "\"0\"").body("emails", org.hamcrest.Matchers.hasSize(1));
    }

    @Test
    void idempotencyKeyReusedForAnotherRequestIsUnprocessable() {
        String key = "k-" + UUID.randomUUID();
        as(AGENT).header("Idempotency-Key", key).body(newCustomerJson()).post("/customers").then().statusCode(201);
        assertProblem(as(AGENT).header("Idempotency-Key", key).body(newCustomerJson()).post("/customers").then(), 422)
                .body("detail", containsString(key));
        assertProblem(as(AGENT).header("Idempotency-Key", "x".repeat(256)).body(newCustomerJson()).post("/customers").then(), 400);
    }

    @Test
    void searchParametersAreBounded() {
        assertProblem(as(AGENT).queryParam("q", "x".repeat(201)).get("/customers").then(), 400);
        assertProblem(as(AGENT).queryParam("size", "ten").get("/customers").then(), 400);
    }
}
